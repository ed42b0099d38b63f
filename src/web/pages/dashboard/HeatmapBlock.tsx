import { Empty, Pagination, Typography } from 'antd';
import { useMemo, useState } from 'react';
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

/** Units per page of the heat-map: a national board has thousands; 50 rows stay readable. */
export const HEATMAP_PAGE_SIZE = 50;
const ROW_HEIGHT = 18;
const WEEK_WIDTH = 16;
const NAME_WIDTH = 150;

type HeatRow = ProvinceDashboard['heatmap']['units'][number];

/**
 * DX broadcasts per ISO week × commune-level unit, weakest first, 50 units a page. A week without a
 * broadcast is red, one a light green, more a dark green; weeks after the counting day stay blank.
 * On a phone the chart keeps its width and scrolls sideways.
 */
export function HeatmapBlock(props: { board: ProvinceDashboard; filter: ProvinceDashboardFilter }) {
  const { t } = useI18n();
  const { weeks, units } = props.board.heatmap;
  const [page, setPage] = useState(1);
  const first = (page - 1) * HEATMAP_PAGE_SIZE;
  const shown = useMemo(() => units.slice(first, first + HEATMAP_PAGE_SIZE), [units, first]);
  const through = props.board.through;
  const option = useMemo(() => {
    const counted = weeks.filter((week) => week.monday <= through).length;
    const data: Array<[number, number, number]> = [];
    shown.forEach((unit, row) => {
      for (let week = 0; week < counted; week += 1) data.push([week, row, unit.counts[week] ?? 0]);
    });
    return {
      tooltip: {
        formatter: (params: { data: [number, number, number] }) => {
          const [week, row, count] = params.data;
          const info = weeks[week]!;
          return `${shown[row]?.name ?? ''}<br/>${t('dashboard.heatmap.week', { week: info.week })} (${formatDay(info.monday)}–${formatDay(info.sunday)}): ${count}`;
        },
      },
      grid: { left: NAME_WIDTH, right: 8, top: 8, bottom: 64 },
      xAxis: {
        type: 'category',
        data: weeks.map((week) => String(week.week)),
        splitArea: { show: false },
        axisLabel: { interval: 3, fontSize: 10 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((unit) => unit.name),
        axisLabel: { width: NAME_WIDTH - 12, overflow: 'truncate', fontSize: 11 },
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { value: 0, label: '0', color: '#ff7875' },
          { value: 1, label: '1', color: '#b7eb8f' },
          { min: 2, label: '≥ 2', color: '#389e0d' },
        ],
      },
      series: [
        {
          type: 'heatmap',
          data,
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#000' } },
        },
      ],
    };
  }, [weeks, shown, through, t]);

  const pager =
    units.length > HEATMAP_PAGE_SIZE ? (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('dashboard.heatmap.page', {
            from: first + 1,
            to: Math.min(first + HEATMAP_PAGE_SIZE, units.length),
            total: units.length,
          })}
        </Typography.Text>
        <Pagination
          size="small"
          current={page}
          pageSize={HEATMAP_PAGE_SIZE}
          total={units.length}
          showSizeChanger={false}
          onChange={setPage}
        />
      </div>
    ) : null;

  return (
    <ChartCard
      testId="dashboard-heatmap"
      title={`${t('dashboard.heatmap.title')} – ${props.board.year}`}
      exportUrl={dashboardExportUrl(props.filter, 'heatmap')}
      chart={
        units.length === 0 ? null : (
          <EChart
            option={option}
            label={t('dashboard.heatmap.chart')}
            height={shown.length * ROW_HEIGHT + 80}
            minWidth={NAME_WIDTH + weeks.length * WEEK_WIDTH + 16}
            testId="chart-heatmap"
          />
        )
      }
      table={
        units.length === 0 ? (
          <Empty description={t('dashboard.heatmap.none')} />
        ) : (
          <DataList<HeatRow>
            testId="table-heatmap"
            rows={shown}
            rowKey={(row) => row.unitId}
            columns={[
              { key: 'unit', title: t('scoring.unit'), render: (row) => row.name },
              {
                key: 'weeks',
                title: t('dashboard.heatmap.weeks'),
                isNumber: true,
                render: (row) => `${row.weeksWithBroadcast}/${weeks.length}`,
              },
              {
                key: 'total',
                title: t('dashboard.heatmap.total'),
                isNumber: true,
                render: (row) => row.total,
              },
            ]}
          />
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('dashboard.heatmap.hint')}
      </Typography.Paragraph>
      {pager}
    </ChartCard>
  );
}
