import { Typography } from 'antd';
import { useMemo } from 'react';
import {
  dashboardExportUrl,
  type ProvinceDashboard,
  type ProvinceDashboardFilter,
} from '../../api/dashboard';
import { EChart } from '../../components/charts/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPercent } from '../scores/score-format';
import { ChartCard } from './ChartCard';
import { DataList } from './DataList';

type Bin = ProvinceDashboard['distribution']['bins'][number];

const binLabel = (bin: Bin) => (bin.to >= 100 ? `${bin.from}–100%` : `${bin.from}–<${bin.to}%`);

/** The commune-level units' headline scores (official where published), in ten bands. */
export function DistributionBlock(props: { board: ProvinceDashboard; filter: ProvinceDashboardFilter }) {
  const { t, language } = useI18n();
  const { distribution } = props.board;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: distribution.bins.map(binLabel), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.distribution.count'),
          type: 'bar',
          itemStyle: { color: '#1677ff' },
          data: distribution.bins.map((bin) => bin.count),
        },
      ],
    }),
    [distribution, t],
  );
  return (
    <ChartCard
      testId="dashboard-distribution"
      title={t('dashboard.distribution.title')}
      exportUrl={dashboardExportUrl(props.filter, 'distribution')}
      chart={
        distribution.units === 0 ? null : (
          <EChart
            option={option}
            label={t('dashboard.distribution.chart')}
            height={260}
            testId="chart-distribution"
          />
        )
      }
      table={
        <DataList<Bin>
          testId="table-distribution"
          rows={distribution.bins}
          rowKey={(bin) => String(bin.from)}
          columns={[
            { key: 'range', title: t('dashboard.distribution.range'), render: binLabel },
            {
              key: 'count',
              title: t('dashboard.distribution.count'),
              isNumber: true,
              render: (bin) => bin.count,
            },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dashboard.distribution.summary', {
          units: distribution.units,
          average:
            distribution.averagePercent === null ? '–' : formatPercent(distribution.averagePercent, language),
          published: distribution.published,
        })}
      </Typography.Paragraph>
    </ChartCard>
  );
}
