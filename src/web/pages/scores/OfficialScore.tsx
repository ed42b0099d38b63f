import { Tag, Tooltip, Typography } from 'antd';
import type { Totals } from '../../../shared/scoring/headline';
import type { Scoreboard, ScoreStatus } from '../../api/scoring';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from './score-format';

/**
 * The official score and the live one, the same on every page (issue 9, item 4): once a unit's
 * appraisal is published it is the headline, tagged "Chính thức"; the live automatic score stays
 * beside it, labelled "Tự động (trực tiếp)".
 */

export type OfficialScore = NonNullable<Scoreboard['rows'][number]['official']>;

/** "Tự động: Đạt" beside the official status tag, when there is an official score. */
export function LiveStatusBeside({ status }: { status: ScoreStatus }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  return (
    <Tooltip title={t('officialStatus.liveHint')}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="live-status">
        {t('officialStatus.live', { status: format.status(status) })}
      </Typography.Text>
    </Tooltip>
  );
}

/** The green "Chính thức" tag; its tooltip says when the appraisal was published. */
export function OfficialTag({ official }: { official: OfficialScore }) {
  const { t } = useI18n();
  const day = official.publishedAt ? formatDateTime(official.publishedAt).split(' ')[0] : '–';
  return (
    <Tooltip title={t('official.tagHint', { day: day ?? '–', version: official.version })}>
      <Tag color="success" style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="official-tag">
        {t('official.tag')}
      </Tag>
    </Tooltip>
  );
}

/** "Tự động (trực tiếp): 20/40 (50%)", small and secondary, with why it differs in its tooltip. */
export function LiveBeside({ live, withPercent = true }: { live: Totals; withPercent?: boolean }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const value = withPercent
    ? `${format.fraction(live.score, live.max)} (${format.percent(live.percent)})`
    : format.fraction(live.score, live.max);
  return (
    <Tooltip title={t('official.liveHint')}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="live-score">
        {t('official.live', { score: value })}
      </Typography.Text>
    </Tooltip>
  );
}
