import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isoWeekOf } from '../../../shared/dates';
import { type Calendar, useCalendar } from '../../api/activities';
import { ChannelName, useChannelLabel } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDay, todayIso } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

type Week = Calendar['weeks'][number];
const MISSING_STYLE = { background: '#fff1f0', color: '#cf1322', fontWeight: 600 } as const;
const NOT_COUNTED_STYLE = { color: '#ad6800', fontSize: 12 } as const;

/** A week at the year's edge: some of its days lie in the neighbouring year and do not count. */
function isEdgeWeek(week: Week): boolean {
  return week.countedFrom !== week.monday || week.countedTo !== week.sunday;
}

function shortDay(isoDay: string): string {
  return formatDay(isoDay).slice(0, 5);
}

/**
 * A unit's year: ISO weeks against its channels. A week in which a radio DX programme aired nothing
 * that the scores count stands out; at the year's edges a week counts only its days inside the year
 * (as the scores do), and records of its other days are shown as not counted, with the reason. On a
 * phone the grid becomes a list of weeks.
 */
export function CalendarPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const channelLabel = useChannelLabel();
  const isDesktop = useIsDesktop();
  // The ISO year of today: on 01/01/2027 that is still 2026 (its week 53 runs to 03/01/2027).
  const thisYear = isoWeekOf(todayIso()).year;
  const [year, setYear] = useState(thisYear);
  const query = useCalendar(unitId, year);

  if (query.isPending) return <PageSpinner />;
  if (query.error || !query.data)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const calendar = query.data;
  const cellOf = (channelIndex: number, week: number) =>
    calendar.channels[channelIndex]?.cells.find((cell) => cell.week === week);
  const notCountedIn = (week: Week) =>
    calendar.channels.reduce(
      (sum, channel) => sum + (channel.cells.find((cell) => cell.week === week.week)?.notCounted ?? 0),
      0,
    );
  const edgeNotes = calendar.weeks
    .filter((week) => isEdgeWeek(week) && notCountedIn(week) > 0)
    .map((week) =>
      t('dates.notCountedReason', {
        week: week.week,
        monday: formatDay(week.monday),
        sunday: formatDay(week.sunday),
        count: notCountedIn(week),
        year: calendar.year,
        from: shortDay(week.countedFrom),
        to: shortDay(week.countedTo),
      }),
    );
  const weekLabel = (week: Week) => (
    <>
      {shortDay(week.monday)}–{shortDay(week.sunday)}
      {isEdgeWeek(week) ? (
        <div style={NOT_COUNTED_STYLE}>
          {t('dates.edgeWeek', { from: shortDay(week.countedFrom), to: shortDay(week.countedTo) })}
        </div>
      ) : null}
    </>
  );
  const countText = (index: number, week: Week) => {
    const cell = cellOf(index, week.week);
    if (!cell) return '0';
    return cell.notCounted > 0
      ? `${cell.count} (${t('dates.notCountedCell', { count: cell.notCounted })})`
      : String(cell.count);
  };
  const isMissingWeek = (week: number) =>
    calendar.channels.some((channel) =>
      channel.cells.some((cell) => cell.week === week && cell.missingBroadcast),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <Link to={`/units/${unitId}`}>
        <ArrowLeftOutlined /> {calendar.unitName}
      </Link>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('calendar.title', { year: calendar.year })}
      </Typography.Title>
      <Space wrap>
        <Button onClick={() => setYear(year - 1)}>← {year - 1}</Button>
        <Button onClick={() => setYear(year + 1)} disabled={year >= thisYear}>
          {year + 1} →
        </Button>
        <Tag style={MISSING_STYLE}>{t('calendar.missingLegend')}</Tag>
      </Space>
      {calendar.channels.map((channel) => (
        <Typography.Text key={channel.channelId} type="secondary">
          <ChannelName name={channel.name} kind={channel.kind} />:{' '}
          {t('calendar.totals', { total: channel.total, missing: channel.missingWeeks })}
        </Typography.Text>
      ))}
      {edgeNotes.map((note) => (
        <Alert key={note} type="warning" showIcon title={note} data-testid="calendar-edge-note" />
      ))}
      {isDesktop ? (
        <Table<Week>
          size="small"
          rowKey="week"
          dataSource={calendar.weeks}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(week) => (week.isCurrent ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('calendar.week'),
              fixed: 'left',
              width: 150,
              render: (_, week) => (
                <>
                  {week.week} ({weekLabel(week)})
                </>
              ),
            },
            ...calendar.channels.map((channel, index) => ({
              title: <ChannelName name={channel.name} kind={channel.kind} />,
              width: 140,
              align: 'center' as const,
              onCell: (week: Week) => ({
                style: cellOf(index, week.week)?.missingBroadcast ? MISSING_STYLE : {},
              }),
              render: (_: unknown, week: Week) => (week.isFuture ? '' : countText(index, week)),
            })),
          ]}
        />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <List<Week>
            size="small"
            dataSource={calendar.weeks.filter((week) => !week.isFuture)}
            renderItem={(week) => (
              <List.Item style={isMissingWeek(week.week) ? MISSING_STYLE : undefined}>
                <div style={{ width: '100%' }}>
                  <div>
                    {t('calendar.week')} {week.week} · {weekLabel(week)}
                  </div>
                  <Space wrap size={4}>
                    {calendar.channels.map((channel, index) => (
                      <Tag
                        key={channel.channelId}
                        color={cellOf(index, week.week)?.missingBroadcast ? 'red' : undefined}
                      >
                        {channelLabel(channel)}: {countText(index, week)}
                      </Tag>
                    ))}
                  </Space>
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
