import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../shared/units';
import type { RankingLeague, RankingRow, ScoreSource } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';

/**
 * The small pieces the ranking table, the phone list and a unit's score history share: where a score
 * comes from, the rank badge and the change since the previous period.
 */

/**
 * "Đã công bố" (green) for a published appraisal, "Tự động" for the live score; the tooltip says why
 * that matters: a live score still moves as records arrive.
 */
export function SourceTag({ source }: { source: ScoreSource }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t(`scoring.ranking.sourceHint.${source}`)}>
      <Tag
        color={source === 'published' ? 'success' : 'default'}
        style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
        data-testid="score-source"
      >
        {t(`scoring.ranking.source.${source}`)}
      </Tag>
    </Tooltip>
  );
}

const PODIUM: Record<number, { background: string; color: string }> = {
  1: { background: '#faad14', color: '#fff' },
  2: { background: '#8c8c8c', color: '#fff' },
  3: { background: '#d46b08', color: '#fff' },
};

/** The rank in a round badge; the first three stand out. Tied units show the same number. */
export function RankBadge({ rank }: { rank: number }) {
  const { t } = useI18n();
  const podium = PODIUM[rank] ?? { background: '#f0f0f0', color: 'rgba(0, 0, 0, 0.88)' };
  return (
    <span
      role="img"
      aria-label={t('scoring.ranking.rankValue', { rank })}
      title={t('scoring.ranking.rankValue', { rank })}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: 28,
        height: 28,
        paddingInline: 6,
        borderRadius: 14,
        fontWeight: 600,
        flex: 'none',
        ...podium,
      }}
    >
      {rank}
    </span>
  );
}

/**
 * An arrow up (better), down (worse) or a dash (no move), with the places moved, as the server judged
 * it: fair to ties, so a unit that shared a rank and stands within those places now shows no arrow.
 */
export function RankChange({ movement }: { movement: NonNullable<RankingRow['movement']> }) {
  const { t } = useI18n();
  if (movement.direction === 'same')
    return (
      <Typography.Text
        type="secondary"
        aria-label={t('scoring.ranking.rankSame')}
        title={t('scoring.ranking.rankSame')}
        data-testid="rank-change"
      >
        <MinusOutlined />
      </Typography.Text>
    );
  const up = movement.direction === 'up';
  const moved = movement.places;
  const label = t(up ? 'scoring.ranking.rankUp' : 'scoring.ranking.rankDown', { count: Math.abs(moved) });
  return (
    <Typography.Text
      type={up ? 'success' : 'danger'}
      aria-label={label}
      title={label}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="rank-change"
    >
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(moved)}
    </Typography.Text>
  );
}

/** The previous period's rank and percentage with the change, or a word when it was not scored. */
export function PreviousRank({ row, short = false }: { row: RankingRow; short?: boolean }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  if (!row.previous)
    return (
      <Typography.Text type="secondary" style={{ fontSize: short ? 12 : undefined }}>
        {t('scoring.ranking.noPrevious')}
      </Typography.Text>
    );
  const values = { rank: row.previous.rank, percent: format.percent(row.previous.percent) };
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
      <Typography.Text type={short ? 'secondary' : undefined} style={{ fontSize: short ? 12 : undefined }}>
        {t(short ? 'scoring.ranking.previousShort' : 'scoring.ranking.previousValue', values)}
      </Typography.Text>
      {row.movement ? <RankChange movement={row.movement} /> : null}
    </span>
  );
}

/**
 * A league's name in the reader's language: the server names leagues in Vietnamese, and its keys are
 * 'commune_level' or a unit kind.
 */
export function useLeagueLabel(): (league: RankingLeague) => string {
  const { t, label } = useI18n();
  return (league) => {
    if (league.key === 'commune_level') return t('scoring.ranking.league.commune_level');
    return (UNIT_KINDS as readonly string[]).includes(league.key)
      ? label(UNIT_KIND_LABELS[league.key as UnitKind])
      : league.label;
  };
}
