import { Typography } from 'antd';
import type { Scoreboard, ScoreboardRow } from '../../api/scoring';
import { UnitKindTag } from '../../components/UnitTags';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Under a unit's name on a board: its kind, its parent when that is not the board's root, and the
 * part of the period it lived when not all of it. Seen as they were, a year of reorganisation holds
 * a former commune until 30/06 and the new one of the same name from 01/07: the days tell them apart.
 */
export function ScoredUnitMeta({ row, board }: { row: ScoreboardRow; board: Scoreboard }) {
  const { t } = useI18n();
  const lived = [
    row.activeFrom > board.period.from ? t('scoring.livedFrom', { day: formatDay(row.activeFrom) }) : null,
    row.activeUntil ? t('scoring.livedUntil', { day: formatDay(row.activeUntil) }) : null,
  ].filter(Boolean);
  const parent = row.parentName && row.parentName !== board.root?.name ? row.parentName : null;
  const details = [parent, lived.join(' ')].filter(Boolean).join(' · ');
  return (
    <div>
      <UnitKindTag kind={row.kind} />
      {details ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {details}
        </Typography.Text>
      ) : null}
    </div>
  );
}
