import { Button, Card, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ErrorDetail } from '../../../shared/errors';
import { useChannels } from '../../api/activities';
import { useCreateSchedule } from '../../api/schedules';
import { ChannelName } from '../../components/ChannelName';
import { MonthPicker } from '../../components/DateFields';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';

interface CreateValues {
  channelId: string;
  month: Dayjs;
}

/**
 * A new draft for one of the unit's radio programmes (its station shown under the name) and a month.
 * The parent keys this card by unit, so a new unit starts an empty form.
 */
export function CreateScheduleCard({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const channels = useChannels(unitId);
  const create = useCreateSchedule(unitId);
  const [form] = Form.useForm<CreateValues>();
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);

  const programmes = (channels.data?.items ?? []).filter(
    (channel) => channel.kind === 'radio_programme' && !channel.isEnded,
  );

  return (
    <Card size="small" title={t('schedule.create')}>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        // Lists are drafted ahead: next month by default (in December, January of next year; the
        // list below shows the coming months too, so the new draft is not lost in next year's list).
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
              options={programmes.map((channel) => ({
                value: channel.id,
                // An element, as in the record form: the name and its kind apart, the kind greyed.
                label: <ChannelName name={channel.name} kind={channel.kind} />,
                station: channel.stationName,
              }))}
              optionRender={(option) => (
                <div style={{ whiteSpace: 'normal' }}>
                  <div>{option.data.label}</div>
                  {option.data.station ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {option.data.station}
                    </Typography.Text>
                  ) : null}
                </div>
              )}
            />
          </Form.Item>
          <Form.Item
            name="month"
            label={t('schedule.month')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 120px', minWidth: 0 }}
          >
            <MonthPicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {otherErrors ? <FormErrorAlert error={create.error} unplaced={otherErrors} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('schedule.createButton')}
        </Button>
      </Form>
    </Card>
  );
}
