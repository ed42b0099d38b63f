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

type TrendRow = ProvinceDashboard['trends'][number];

/** The years side by side: average score and share meeting the target, DX posts and broadcasts. */
export function TrendsBlock(props: { board: ProvinceDashboard; filter: ProvinceDashboardFilter }) {
  const { t, language } = useI18n();
  const { trends } = props.board;
  const target = formatPercent(props.board.targetPercent, language);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trends.map((row) => String(row.year)) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('dashboard.trends.posts'),
          type: 'bar',
          yAxisIndex: 1,
          itemStyle: { color: '#91caff' },
          data: trends.map((row) => row.posts),
        },
        {
          name: t('dashboard.trends.broadcasts'),
          type: 'bar',
          yAxisIndex: 1,
          itemStyle: { color: '#d3adf7' },
          data: trends.map((row) => row.broadcasts),
        },
        {
          name: t('dashboard.trends.average'),
          type: 'line',
          itemStyle: { color: '#1677ff' },
          data: trends.map((row) => row.averagePercent),
        },
        {
          name: t('dashboard.trends.meeting', { target }),
          type: 'line',
          itemStyle: { color: '#389e0d' },
          data: trends.map((row) => row.meetingTargetShare),
        },
      ],
    }),
    [trends, t, target],
  );
  const percent = (value: number | null) => (value === null ? '–' : formatPercent(value, language));
  return (
    <ChartCard
      testId="dashboard-trends"
      title={t('dashboard.trends.title')}
      exportUrl={dashboardExportUrl(props.filter, 'trends')}
      chart={
        <EChart option={option} label={t('dashboard.trends.chart')} height={300} testId="chart-trends" />
      }
      table={
        <DataList<TrendRow>
          testId="table-trends"
          rows={trends}
          rowKey={(row) => String(row.year)}
          columns={[
            { key: 'year', title: t('dashboard.trends.year'), render: (row) => row.year },
            { key: 'units', title: t('dashboard.trends.units'), isNumber: true, render: (row) => row.units },
            {
              key: 'average',
              title: t('dashboard.trends.average'),
              isNumber: true,
              render: (row) => percent(row.averagePercent),
            },
            {
              key: 'meeting',
              title: t('dashboard.trends.meeting', { target }),
              isNumber: true,
              render: (row) => `${row.meetingTarget} (${percent(row.meetingTargetShare)})`,
            },
            { key: 'posts', title: t('dashboard.trends.posts'), isNumber: true, render: (row) => row.posts },
            {
              key: 'broadcasts',
              title: t('dashboard.trends.broadcasts'),
              isNumber: true,
              render: (row) => row.broadcasts,
            },
          ]}
        />
      }
    />
  );
}
