import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useMe } from '../../api/auth';
import { boardExportUrl } from '../../api/dashboard';
import { type Ranking, type RankingLeague, useRanking } from '../../api/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { PeriodLine } from '../scores/PeriodLine';
import { ScoreboardFilters } from '../scores/ScoreboardFilters';
import { unitScoresLink } from '../scores/unit-scores-link';
import { type ScoreFilters, useScoreFilters } from '../scores/use-score-filters';
import { PublicResultsCard } from './PublicResultsCard';
import { RankingList } from './RankingList';
import { RankingTable } from './RankingTable';
import { useLeagueLabel } from './ranking-parts';

/**
 * The league tables (/rankings): a subtree's units ranked by percentage within their league
 * (commune level together, other kinds apart) for a period, with the previous period beside. A
 * published appraisal counts where there is one, else the live score. Before the 2025 merge, former
 * units either count toward their successors or show as they were. The choices live in the address.
 */
export function RankingPage() {
  const { t } = useI18n();
  const filters = useScoreFilters();
  const ranking = useRanking(
    { framework: filters.framework, period: filters.period, unitId: filters.unitId, view: filters.view },
    { enabled: filters.ready },
  );
  const data = ranking.data;
  const me = useMe().data;
  const ownUnits = new Set((me?.grants ?? []).map((grant) => grant.unitId));
  // A province's published ranking read from a commune: other units' pages are not the reader's.
  const unitLink = (unitId: string) =>
    data?.scope === 'published_only' && !ownUnits.has(unitId)
      ? null
      : unitScoresLink(unitId, { framework: filters.framework, period: filters.period, view: filters.view });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {data?.root ? t('scoring.ranking.titleOf', { unit: data.root.name }) : t('scoring.ranking.title')}
        </Typography.Title>
        {data ? <Typography.Text type="secondary">{data.framework.legalBasis}</Typography.Text> : null}
      </div>
      <Card size="small">
        <RankingFilters filters={filters} ranking={data} />
      </Card>
      {ranking.error ? <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
      {ranking.isLoading || !filters.ready ? <Skeleton active /> : null}
      {data ? (
        <>
          {data.scope === 'published_only' ? (
            <Alert type="info" showIcon title={t('official.publishedOnly')} data-testid="published-only" />
          ) : null}
          {data.province ? (
            <div>
              <Button onClick={() => filters.update({ unit: data.province!.id })}>
                {t('official.provinceRanking', { province: data.province.name })}
              </Button>
            </div>
          ) : null}
          <div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <PeriodLine period={data.period} />
              <div style={{ flex: 1 }} />
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={boardExportUrl('rankings', {
                  framework: filters.framework,
                  period: filters.period,
                  unitId: filters.unitId,
                  view: filters.view,
                })}
                download
                data-testid="ranking-export"
              >
                {t('dashboard.exportRanking')}
              </Button>
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('scoring.ranking.basis')}
            </Typography.Paragraph>
          </div>
          {provinceIdOf(data) ? <PublicResultsCard provinceId={provinceIdOf(data)!} /> : null}
          {data.groups.length === 0 ? <Empty description={t('scoring.ranking.noRows')} /> : null}
          {data.groups.map((league) => (
            <LeagueCard
              key={league.key}
              ranking={data}
              league={league}
              loading={ranking.isFetching}
              unitLink={unitLink}
            />
          ))}
        </>
      ) : null}
    </Space>
  );
}

/** The province whose public page the ranking belongs to: its root when a province, else the province above. */
function provinceIdOf(ranking: Ranking): string | null {
  return (
    ranking.province?.id ?? (ranking.root && ranking.scope !== 'published_only' ? ranking.root.id : null)
  );
}

/**
 * The scoreboard's choices without the unit kind: leagues already split the kinds, and a ranking of
 * one kind picked out of a league would show ranks that skip. The kind picker is built from the
 * framework's versions and the board's columns, so it is left out by giving it neither.
 */
function RankingFilters({ filters, ranking }: { filters: ScoreFilters; ranking: Ranking | undefined }) {
  return (
    <ScoreboardFilters
      filters={{ ...filters, versions: [] }}
      board={
        ranking
          ? { framework: ranking.framework, view: ranking.view, criteria: [], root: ranking.root }
          : undefined
      }
    />
  );
}

/** A league's title with its unit count, then its table (wide screens) or list (phones). */
function LeagueCard(props: {
  ranking: Ranking;
  league: RankingLeague;
  loading: boolean;
  /** null: the unit's own page is not the reader's to open (a province's published ranking). */
  unitLink: (unitId: string) => string | null;
}) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const leagueLabel = useLeagueLabel();
  const { league } = props;

  return (
    <Card
      size="small"
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 4 }}>
          {leagueLabel(league)}
        </span>
      }
      extra={
        <Typography.Text type="secondary">
          {t('scoring.unitCount', { count: league.rows.length })}
        </Typography.Text>
      }
      styles={isDesktop ? { body: { padding: 0 } } : undefined}
      data-testid={`league-${league.key}`}
    >
      {isDesktop ? (
        <RankingTable
          ranking={props.ranking}
          league={league}
          loading={props.loading}
          unitLink={props.unitLink}
        />
      ) : (
        <RankingList
          league={league}
          withPrevious={props.ranking.previousPeriod !== null}
          loading={props.loading}
          unitLink={props.unitLink}
        />
      )}
    </Card>
  );
}
