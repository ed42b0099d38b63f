import { Card, Select, Skeleton, Space, Typography } from 'antd';
import { DASHBOARD_ROLES } from '../../../shared/roles';
import { useMe } from '../../api/auth';
import { type ProvinceDashboardFilter, useProvinceDashboard } from '../../api/dashboard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { CompletenessBlock } from './CompletenessBlock';
import { DistributionBlock } from './DistributionBlock';
import { HeatmapBlock } from './HeatmapBlock';
import { RiskBlock } from './RiskBlock';
import { TrendsBlock } from './TrendsBlock';
import { useDashboardFilters } from './use-dashboard-filters';

/**
 * The province board (/dashboard) for the DX office, reviewers and admins: who hands in their reports
 * on time, how the communes' scores spread, who will miss the target and why, which weeks had no DX
 * broadcast, and how the years compare. Each block has its figures as a table and as XLSX.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const filter: ProvinceDashboardFilter = { unitId: filters.unitId, year: filters.year };
  const board = useProvinceDashboard(filter);
  const data = board.data;
  const me = useMe().data;
  // The user's own units (their grants), and the unit shown when it was searched for.
  const roots = new Map<string, string>();
  for (const grant of me?.grants ?? [])
    if (grant.unitId && DASHBOARD_ROLES.includes(grant.role))
      roots.set(grant.unitId, grant.unitName ?? grant.unitId);
  if (data && !roots.has(data.root.id)) roots.set(data.root.id, data.root.name);
  const rootOptions = [...roots].map(([value, label]) => ({ value, label }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {data ? t('dashboard.titleOf', { unit: data.root.name }) : t('dashboard.title')}
        </Typography.Title>
        {data ? (
          <Typography.Text type="secondary">
            {t('dashboard.through', { day: formatDay(data.through) })}{' '}
            {data.framework
              ? t('dashboard.framework', { framework: data.framework.name })
              : t('dashboard.noFramework')}
          </Typography.Text>
        ) : null}
      </div>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <label htmlFor="dashboard-unit">{t('dashboard.unit')}</label>
          <Select<string>
            id="dashboard-unit"
            style={{ flex: '1 1 200px', maxWidth: 320 }}
            value={data?.root.id ?? filters.unitId}
            onChange={(unitId) => filters.update({ unit: unitId })}
            options={rootOptions}
          />
          <div style={{ flex: '1 1 200px', maxWidth: 320 }}>
            <UnitPicker value={null} onChange={(unitId) => filters.update({ unit: unitId ?? undefined })} />
          </div>
          <label htmlFor="dashboard-year">{t('dashboard.year')}</label>
          <Select<number>
            id="dashboard-year"
            style={{ width: 100 }}
            value={filters.year}
            options={filters.years.map((year) => ({ value: year, label: String(year) }))}
            onChange={(year) => filters.update({ year: String(year) })}
          />
        </div>
      </Card>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.isLoading ? <Skeleton active /> : null}
      {data ? (
        <>
          <CompletenessBlock board={data} filter={filter} />
          <DistributionBlock board={data} filter={filter} />
          <RiskBlock board={data} filter={filter} />
          <HeatmapBlock board={data} filter={filter} />
          <TrendsBlock board={data} filter={filter} />
        </>
      ) : null}
    </Space>
  );
}
