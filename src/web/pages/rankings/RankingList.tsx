import { List, Progress } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { RankingLeague, RankingRow } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { LiveBeside } from '../scores/OfficialScore';
import { useScoreFormat } from '../scores/score-format';
import { PreviousRank, RankBadge, SourceTag } from './ranking-parts';

function UnitName({ row, link }: { row: RankingRow; link: string | null }) {
  const style = { flex: 1, minWidth: 0, fontWeight: 600, overflowWrap: 'anywhere' } as const;
  if (!link) return <span style={style}>{row.name}</span>;
  return (
    <Link to={link} onClick={(event) => event.stopPropagation()} style={style}>
      {row.name}
    </Link>
  );
}

/**
 * One league on a phone: a row per unit with its rank badge, name, percentage bar, where the score
 * comes from and the change since the previous period; a tap opens the unit's scores.
 */
export function RankingList(props: {
  league: RankingLeague;
  withPrevious: boolean;
  loading: boolean;
  /** null: the unit's own page is not the reader's to open (a province's published ranking). */
  unitLink: (unitId: string) => string | null;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const navigate = useNavigate();

  return (
    <List<RankingRow>
      size="small"
      loading={props.loading}
      dataSource={props.league.rows}
      rowKey="unitId"
      locale={{ emptyText: t('scoring.ranking.noRows') }}
      pagination={props.league.rows.length > 30 ? { pageSize: 30, simple: true, align: 'center' } : false}
      renderItem={(row) => (
        <List.Item
          style={{
            paddingInline: 0,
            display: 'block',
            cursor: props.unitLink(row.unitId) ? 'pointer' : undefined,
          }}
          onClick={() => {
            const link = props.unitLink(row.unitId);
            if (link) void navigate(link);
          }}
        >
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            <RankBadge rank={row.rank} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
                <UnitName row={row} link={props.unitLink(row.unitId)} />
                <SourceTag source={row.source} />
              </div>
              <Progress
                percent={row.percent}
                size="small"
                showInfo
                format={(value) => format.percent(value ?? 0)}
                aria-label={t('scoring.ranking.percent')}
                style={{ marginBlock: 2 }}
              />
              <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12, fontSize: 12 }}>
                <span>{t('scoring.pointsValue', { score: format.fraction(row.score, row.max) })}</span>
                {row.official && row.live ? <LiveBeside live={row.live} withPercent={false} /> : null}
                {props.withPrevious ? <PreviousRank row={row} short /> : null}
              </div>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
