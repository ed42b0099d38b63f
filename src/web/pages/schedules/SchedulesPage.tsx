import { Alert, Card, DatePicker, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSchedules } from '../../api/schedules';
import { ChannelName } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordUnitField } from '../../components/RecordUnitField';
import { formatMonth } from '../../format/dates';
import { useRecordScope } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';
import { CreateScheduleCard } from './CreateScheduleCard';

/**
 * The monthly broadcast schedules of a unit for a year, and a new one for a radio programme of that
 * unit's station. A commune's officer sees their commune; a province DX office or an admin may
 * choose any unit of their scope.
 */
export function SchedulesPage() {
  const { t } = useI18n();
  const scope = useRecordScope();
  const [unitId, setUnitId] = useState<string | undefined>(scope.grantUnits[0]?.id);
  const [year, setYear] = useState(dayjs().year());

  if (!scope.grantUnits.length && !scope.coversSubtree) return <Empty description={t('record.noUnits')} />;

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%', maxWidth: 900, marginInline: 'auto', display: 'flex' }}
    >
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('schedule.title')}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {scope.isSingleUnit ? null : (
          <RecordUnitField
            scope={scope}
            value={unitId}
            onChange={(next) => setUnitId(next ?? undefined)}
            aria-label={t('record.unit')}
            style={{ flex: '1 1 240px', minWidth: 0, width: 'auto' }}
          />
        )}
        <DatePicker
          picker="year"
          aria-label={t('schedule.year')}
          value={dayjs().year(year)}
          allowClear={false}
          inputReadOnly
          onChange={(value) => value && setYear(value.year())}
        />
      </div>

      {unitId ? (
        <>
          <CreateScheduleCard key={unitId} unitId={unitId} />
          <ScheduleList unitId={unitId} year={year} />
        </>
      ) : (
        <Alert type="info" showIcon title={t('scheduleEdit.chooseUnit')} />
      )}
    </Space>
  );
}

/** The unit's schedules of the year, each with its status, entry count and warnings. */
function ScheduleList({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useI18n();
  const schedules = useSchedules(unitId, year);
  return (
    <>
      {schedules.error ? (
        <ErrorAlert error={schedules.error} onRetry={() => void schedules.refetch()} />
      ) : null}
      <Card
        size="small"
        title={t(year === dayjs().year() ? 'dates.scheduleListUpcoming' : 'schedule.listTitle', { year })}
      >
        <List
          loading={schedules.isLoading}
          dataSource={schedules.data?.items ?? []}
          locale={{ emptyText: t('schedule.empty') }}
          renderItem={(schedule) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/schedules/${schedule.id}`}>
                    {t('schedule.monthOf', { month: formatMonth(schedule.month) })} –{' '}
                    <ChannelName name={schedule.channelName} kind={schedule.channelKind} />
                  </Link>
                }
                description={
                  <>
                    {schedule.stationName ? <div>{schedule.stationName}</div> : null}
                    <Space wrap size={4}>
                      <Tag color={schedule.status === 'issued' ? 'green' : 'gold'}>
                        {t(schedule.status === 'issued' ? 'schedule.issued' : 'dates.scheduleAwaitingIssue')}
                      </Tag>
                      <span>{t('schedule.entryCount', { count: schedule.entryCount })}</span>
                      {schedule.warningCount ? (
                        <Tag color="orange">
                          {t('schedule.warningCount', { count: schedule.warningCount })}
                        </Tag>
                      ) : null}
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
