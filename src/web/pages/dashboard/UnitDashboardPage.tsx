import { Alert, Card, List, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type UnitDashboard, useUnitDashboard } from '../../api/dashboard';
import { EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPercent, useScoreFormat } from '../scores/score-format';
import { ChartCard } from './ChartCard';
import { DataList } from './DataList';
import { useDashboardFilters } from './use-dashboard-filters';

type CriterionRow = UnitDashboard['criteria'][number];

/**
 * A unit's board (/units/:unitId/dashboard), for anyone who sees the unit: each criterion's score at
 * the end of every month against its maximum, and what the unit must hand in next.
 */
export function UnitDashboardPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const board = useUnitDashboard(unitId, { year: filters.year });
  const data = board.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {data ? t('dashboard.unit.title', { unit: data.unit.name }) : t('dashboard.title')}
        </Typography.Title>
        {data ? (
          <Typography.Text type="secondary">
            {t('dashboard.through', { day: formatDay(data.through) })}{' '}
            {data.framework ? t('dashboard.framework', { framework: data.framework.name }) : null}
          </Typography.Text>
        ) : null}
      </div>
      <Card size="small">
        <Space wrap>
          <label htmlFor="unit-dashboard-year">{t('dashboard.year')}</label>
          <Select<number>
            id="unit-dashboard-year"
            style={{ width: 100 }}
            value={filters.year}
            options={filters.years.map((year) => ({ value: year, label: String(year) }))}
            onChange={(year) => filters.update({ year: String(year) })}
          />
          <Link to={`/units/${unitId}`}>{data?.unit.name}</Link>
        </Space>
      </Card>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.isLoading ? <Skeleton active /> : null}
      {data ? (
        <>
          <DueCard board={data} />
          <ProgressCard board={data} />
        </>
      ) : null}
    </Space>
  );
}

function ProgressCard({ board }: { board: UnitDashboard }) {
  const { t, language } = useI18n();
  const format = useScoreFormat();
  const months = board.criteria[0]?.monthly ?? [];
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: number | null) => (value === null ? '–' : `${value}%`),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: months.map((point) => t('dashboard.unit.month', { month: point.month })),
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: board.criteria.map((criterion) => ({
        name: criterion.code,
        type: 'line',
        step: 'end',
        data: criterion.monthly.map((point) =>
          point.score === null || criterion.max === 0
            ? null
            : Math.round((point.score / criterion.max) * 1000) / 10,
        ),
      })),
    }),
    [board.criteria, months, t],
  );
  if (!board.framework || !board.total)
    return <Alert type="info" showIcon title={t('dashboard.unit.notScored')} />;
  return (
    <ChartCard
      testId="dashboard-progress"
      title={t('dashboard.unit.progress')}
      chart={
        <EChart
          option={option}
          label={t('dashboard.unit.progressChart')}
          height={300}
          testId="chart-progress"
        />
      }
      table={
        <DataList<CriterionRow>
          testId="table-progress"
          rows={board.criteria}
          rowKey={(row) => row.code}
          columns={[
            {
              key: 'criterion',
              title: t('dashboard.unit.criterion'),
              render: (row) => `${row.code} ${row.title}`,
            },
            {
              key: 'now',
              title: t('dashboard.unit.now'),
              isNumber: true,
              render: (row) => format.fraction(row.score, row.max),
            },
            {
              key: 'projected',
              title: t('dashboard.unit.projected'),
              isNumber: true,
              render: (row) => (row.projectedScore === null ? '–' : format.points(row.projectedScore)),
            },
            {
              key: 'monthly',
              title: t('dashboard.unit.progress'),
              render: (row) =>
                row.monthly
                  .map(
                    (point) =>
                      `${t('dashboard.unit.month', { month: point.month })}: ${point.score === null ? '–' : format.points(point.score)}`,
                  )
                  .join(' · '),
            },
          ]}
        />
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('dashboard.unit.total', {
          score: format.points(board.total.score),
          max: format.points(board.total.max),
          percent: formatPercent(board.total.percent, language),
          projected: board.total.projectedScore === null ? '–' : format.points(board.total.projectedScore),
        })}
      </Typography.Paragraph>
      {board.criteria
        .filter((criterion) => criterion.gaps.length > 0)
        .map((criterion) => (
          <Typography.Paragraph key={criterion.code} type="secondary" style={{ marginBottom: 4 }}>
            <Typography.Text strong>{criterion.code}</Typography.Text>: {criterion.gaps.join('; ')}
          </Typography.Paragraph>
        ))}
    </ChartCard>
  );
}

const STATE_COLOURS = { on_time: 'green', late: 'orange', missing: 'red' } as const;

function DueCard({ board }: { board: UnitDashboard }) {
  const { t } = useI18n();
  const month = board.nextSchedule.month;
  return (
    <Card size="small" title={t('dashboard.unit.due')} data-testid="dashboard-due">
      {board.due.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('dashboard.unit.dueNone')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={board.due}
          rowKey={(item) => item.periodId}
          renderItem={(item) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text strong>
                {item.typeName} – {item.label}
              </Typography.Text>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }}>
                <span>{t('dashboard.unit.dueOn', { day: formatDay(item.dueOn) })}</span>
                <Tag color={STATE_COLOURS[item.state]}>{t(`dashboard.unit.state.${item.state}`)}</Tag>
                {item.isOverdue ? <Tag color="red">{t('dashboard.unit.overdue')}</Tag> : null}
              </div>
            </List.Item>
          )}
        />
      )}
      <div style={{ marginTop: 8 }}>
        {t('dashboard.unit.schedule', { month: `${month.slice(5, 7)}/${month.slice(0, 4)}` })}:{' '}
        {board.nextSchedule.scheduleId ? (
          <Link to={`/schedules/${board.nextSchedule.scheduleId}`}>
            {t(`dashboard.unit.schedule.${board.nextSchedule.status}`)}
          </Link>
        ) : (
          <Tag>{t(`dashboard.unit.schedule.${board.nextSchedule.status}`)}</Tag>
        )}
      </div>
    </Card>
  );
}
