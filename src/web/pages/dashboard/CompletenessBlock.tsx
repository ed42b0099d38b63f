import { Typography } from 'antd';
import { useMemo } from 'react';
import {
  dashboardExportUrl,
  type ProvinceDashboard,
  type ProvinceDashboardFilter,
} from '../../api/dashboard';
import { EChart } from '../../components/charts/EChart';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { ChartCard } from './ChartCard';
import { DataList } from './DataList';

type PeriodRow = ProvinceDashboard['completeness'][number]['periods'][number] & { typeName: string };

export const STATE_COLOURS = { onTime: '#52c41a', late: '#faad14', missing: '#ff4d4f' } as const;

/** Completeness and timeliness of every report period of the year: a stacked bar per period. */
export function CompletenessBlock(props: { board: ProvinceDashboard; filter: ProvinceDashboardFilter }) {
  const { t } = useI18n();
  const rows: PeriodRow[] = useMemo(
    () =>
      props.board.completeness.flatMap((type) =>
        type.periods.map((period) => ({ ...period, typeName: type.name })),
      ),
    [props.board],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => `${row.typeName}\n${row.label}`),
        axisLabel: { interval: 0, fontSize: 11, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['onTime', 'late', 'missing'] as const).map((key) => ({
        name: t(`dashboard.completeness.${key}`),
        type: 'bar',
        stack: 'units',
        itemStyle: { color: STATE_COLOURS[key] },
        data: rows.map((row) => row[key]),
      })),
    }),
    [rows, t],
  );
  return (
    <ChartCard
      testId="dashboard-completeness"
      title={t('dashboard.completeness.title')}
      exportUrl={dashboardExportUrl(props.filter, 'completeness')}
      chart={
        rows.length === 0 ? null : (
          <EChart
            option={option}
            label={t('dashboard.completeness.chart')}
            height={300}
            testId="chart-completeness"
          />
        )
      }
      table={
        rows.length === 0 ? (
          <Typography.Text type="secondary">{t('dashboard.completeness.none')}</Typography.Text>
        ) : (
          <DataList<PeriodRow>
            testId="table-completeness"
            rows={rows}
            rowKey={(row) => row.periodId}
            columns={[
              {
                key: 'period',
                title: t('dashboard.completeness.period'),
                render: (row) => `${row.typeName} – ${row.label}`,
              },
              { key: 'due', title: t('dashboard.completeness.due'), render: (row) => formatDay(row.dueOn) },
              {
                key: 'expected',
                title: t('dashboard.completeness.expected'),
                isNumber: true,
                render: (row) => row.expected,
              },
              {
                key: 'onTime',
                title: t('dashboard.completeness.onTime'),
                isNumber: true,
                render: (row) => row.onTime,
              },
              {
                key: 'late',
                title: t('dashboard.completeness.late'),
                isNumber: true,
                render: (row) => row.late,
              },
              {
                key: 'missing',
                title: t('dashboard.completeness.missing'),
                isNumber: true,
                render: (row) => row.missing,
              },
              {
                key: 'overdue',
                title: t('dashboard.completeness.overdue'),
                isNumber: true,
                render: (row) => row.overdue,
              },
            ]}
          />
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('dashboard.completeness.rule')}
      </Typography.Paragraph>
    </ChartCard>
  );
}
