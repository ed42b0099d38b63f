import { Button, Card, DatePicker, Empty, Form, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ErrorDetail } from '../../../shared/errors';
import { useChannels } from '../../api/activities';
import { useCreateSchedule, useSchedules } from '../../api/schedules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { formatMonth } from '../../format/dates';
import { useRecordUnits } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';

interface CreateValues {
  channelId: string;
  month: Dayjs;
}

/** The monthly broadcast schedules of a unit for a year, and a new one for a radio programme. */
export function SchedulesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const units = useRecordUnits();
  const [unitId, setUnitId] = useState<string | undefined>(units[0]?.id);
  const [year, setYear] = useState(dayjs().year());
  const schedules = useSchedules(unitId, year);
  const channels = useChannels(unitId);
  const create = useCreateSchedule(unitId);
  const [form] = Form.useForm<CreateValues>();
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);

  if (!units.length) return <Empty description={t('record.noUnits')} />;

  const programmes = (channels.data?.items ?? []).filter(
    (channel) => channel.kind === 'radio_programme' && !channel.isEnded,
  );

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%', maxWidth: 900, marginInline: 'auto', display: 'flex' }}
    >
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('schedule.title')}
      </Typography.Title>
      <Space wrap>
        {units.length > 1 ? (
          <Select
            aria-label={t('record.unit')}
            value={unitId}
            onChange={setUnitId}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            style={{ minWidth: 200 }}
          />
        ) : null}
        <DatePicker
          picker="year"
          aria-label={t('schedule.year')}
          value={dayjs().year(year)}
          allowClear={false}
          inputReadOnly
          onChange={(value) => value && setYear(value.year())}
        />
      </Space>

      <Card size="small" title={t('schedule.create')}>
        <Form<CreateValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          className="compact-form"
          initialValues={{ month: dayjs().add(1, 'month').startOf('month') }}
          onFinish={(values) => {
            setOtherErrors(null);
            create.mutate(
              { channelId: values.channelId, month: values.month.format('YYYY-MM') },
              {
                onSuccess: (schedule) => navigate(`/schedules/${schedule.id}`),
                onError: (error) => setOtherErrors(applyFieldErrors(form, error, ['channelId', 'month'])),
              },
            );
          }}
        >
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Form.Item
              name="channelId"
              label={t('schedule.programme')}
              rules={[{ required: true, message: t('record.channelRequired') }]}
              extra={channels.isSuccess && !programmes.length ? t('record.noChannels') : undefined}
              style={{ flex: '2 1 200px', minWidth: 0 }}
            >
              <Select
                loading={channels.isLoading}
                options={programmes.map((channel) => ({ value: channel.id, label: channel.name }))}
              />
            </Form.Item>
            <Form.Item
              name="month"
              label={t('schedule.month')}
              rules={[{ required: true }]}
              style={{ flex: '1 1 120px', minWidth: 0 }}
            >
              <DatePicker
                picker="month"
                format="MM/YYYY"
                allowClear={false}
                inputReadOnly
                style={{ width: '100%' }}
              />
            </Form.Item>
          </div>
          {otherErrors && create.error ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={create.error} details={otherErrors} />
            </div>
          ) : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('schedule.createButton')}
          </Button>
        </Form>
      </Card>

      {schedules.error ? (
        <ErrorAlert error={schedules.error} onRetry={() => void schedules.refetch()} />
      ) : null}
      <Card size="small" title={t('schedule.listTitle', { year })}>
        <List
          loading={schedules.isLoading}
          dataSource={schedules.data?.items ?? []}
          locale={{ emptyText: t('schedule.empty') }}
          renderItem={(schedule) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/schedules/${schedule.id}`}>
                    {t('schedule.monthOf', { month: formatMonth(schedule.month) })} – {schedule.channelName}
                  </Link>
                }
                description={
                  <Space wrap size={4}>
                    <Tag color={schedule.status === 'issued' ? 'green' : 'default'}>
                      {t(schedule.status === 'issued' ? 'schedule.issued' : 'schedule.draft')}
                    </Tag>
                    <span>{t('schedule.entryCount', { count: schedule.entryCount })}</span>
                    {schedule.warningCount ? (
                      <Tag color="orange">{t('schedule.warningCount', { count: schedule.warningCount })}</Tag>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
