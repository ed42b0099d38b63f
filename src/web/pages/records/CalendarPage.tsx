import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type Calendar, useCalendar } from '../../api/activities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

type Week = Calendar['weeks'][number];
const MISSING_STYLE = { background: '#fff1f0', color: '#cf1322', fontWeight: 600 } as const;

function shortDay(isoDay: string): string {
  return formatDay(isoDay).slice(0, 5);
}

/**
 * A unit's year: ISO weeks against its channels. A week in which a radio DX programme aired nothing
 * stands out; on a phone the grid becomes a list of weeks.
 */
export function CalendarPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const [year, setYear] = useState(dayjs().year());
  const query = useCalendar(unitId, year);

  if (query.isPending) return <PageSpinner />;
  if (query.error || !query.data)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const calendar = query.data;
  const cellOf = (channelIndex: number, week: number) =>
    calendar.channels[channelIndex]?.cells.find((cell) => cell.week === week);
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
        <Button onClick={() => setYear(year + 1)} disabled={year >= dayjs().year()}>
          {year + 1} →
        </Button>
        <Tag style={MISSING_STYLE}>{t('calendar.missingLegend')}</Tag>
      </Space>
      {calendar.channels.map((channel) => (
        <Typography.Text key={channel.channelId} type="secondary">
          {channel.name}: {t('calendar.totals', { total: channel.total, missing: channel.missingWeeks })}
        </Typography.Text>
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
              render: (_, week) => `${week.week} (${shortDay(week.monday)}–${shortDay(week.sunday)})`,
            },
            ...calendar.channels.map((channel, index) => ({
              title: channel.name,
              width: 140,
              align: 'center' as const,
              onCell: (week: Week) => ({
                style: cellOf(index, week.week)?.missingBroadcast ? MISSING_STYLE : {},
              }),
              render: (_: unknown, week: Week) =>
                week.isFuture ? '' : (cellOf(index, week.week)?.count ?? 0),
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
                    {t('calendar.week')} {week.week} · {shortDay(week.monday)}–{shortDay(week.sunday)}
                  </div>
                  <Space wrap size={4}>
                    {calendar.channels.map((channel, index) => (
                      <Tag
                        key={channel.channelId}
                        color={cellOf(index, week.week)?.missingBroadcast ? 'red' : undefined}
                      >
                        {channel.name}: {cellOf(index, week.week)?.count ?? 0}
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
