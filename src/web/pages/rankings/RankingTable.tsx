import { Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Ranking, RankingLeague, RankingRow } from '../../api/scoring';
import { UnitKindTag } from '../../components/UnitTags';
import { useI18n } from '../../i18n/I18nProvider';
import { LiveBeside } from '../scores/OfficialScore';
import { periodName } from '../scores/periods';
import { useScoreFormat } from '../scores/score-format';
import { PreviousRank, RankBadge, SourceTag } from './ranking-parts';

/**
 * One league on a wide screen: rank, unit, points, percentage, where the score comes from and the
 * previous period. A row opens the unit's scores for the same framework, period and view.
 */
export function RankingTable(props: {
  ranking: Ranking;
  league: RankingLeague;
  loading: boolean;
  /** null: the unit's own page is not the reader's to open (a province's published ranking). */
  unitLink: (unitId: string) => string | null;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const navigate = useNavigate();
  const { ranking } = props;
  // A league mixing kinds (communes with wards and special zones) says which each unit is.
  const mixedKinds = new Set(props.league.rows.map((row) => row.kind)).size > 1;

  const columns: TableColumnsType<RankingRow> = [
    {
      key: 'rank',
      title: t('scoring.ranking.rank'),
      width: 72,
      align: 'center',
      render: (_, row) => <RankBadge rank={row.rank} />,
    },
    {
      key: 'unit',
      title: t('scoring.ranking.unit'),
      render: (_, row) => (
        <span>
          {props.unitLink(row.unitId) ? (
            <Link
              to={props.unitLink(row.unitId)!}
              onClick={(event) => event.stopPropagation()}
              style={{ fontWeight: 600, marginInlineEnd: 8 }}
            >
              {row.name}
            </Link>
          ) : (
            <span style={{ fontWeight: 600, marginInlineEnd: 8 }}>{row.name}</span>
          )}
          {mixedKinds ? <UnitKindTag kind={row.kind} /> : null}
        </span>
      ),
    },
    {
      key: 'score',
      title: t('scoring.ranking.score'),
      width: 170,
      align: 'right',
      render: (_, row) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {format.fraction(row.score, row.max)}
          {row.official && row.live ? (
            <div>
              <LiveBeside live={row.live} withPercent={false} />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'percent',
      title: t('scoring.ranking.percent'),
      width: 90,
      align: 'right',
      render: (_, row) => <Typography.Text strong>{format.percent(row.percent)}</Typography.Text>,
    },
    {
      key: 'source',
      title: t('scoring.ranking.source'),
      width: 120,
      render: (_, row) => <SourceTag source={row.source} />,
    },
  ];
  // No framework version was in force in the previous period: there is nothing to compare with.
  if (ranking.previousPeriod)
    columns.push({
      key: 'previous',
      title: t('scoring.ranking.previousOf', { period: periodName(ranking.previousPeriod.key, t) }),
      width: 220,
      render: (_, row) => <PreviousRank row={row} />,
    });

  return (
    <Table<RankingRow>
      size="small"
      rowKey="unitId"
      columns={columns}
      dataSource={props.league.rows}
      loading={props.loading}
      locale={{ emptyText: t('scoring.ranking.noRows') }}
      pagination={
        props.league.rows.length > 50
          ? { pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, align: 'center' }
          : false
      }
      onRow={(row) => ({
        onClick: () => {
          const link = props.unitLink(row.unitId);
          if (link) void navigate(link);
        },
        style: { cursor: props.unitLink(row.unitId) ? 'pointer' : undefined },
      })}
      scroll={{ x: 'max-content' }}
    />
  );
}
