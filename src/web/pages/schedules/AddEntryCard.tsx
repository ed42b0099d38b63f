import { App, Button, Card, Form } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type Schedule, useAddEntry } from '../../api/schedules';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { ENTRY_FIELDS, type EntryFormValues, ScheduleEntryFields, toEntryBody } from './ScheduleEntryForm';

/**
 * Adds entries to a draft one after another: after each, the title clears and the day moves on a
 * week, since a programme usually airs on the same weekday.
 */
export function AddEntryCard({ schedule }: { schedule: Schedule }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryFormValues>();
  const add = useAddEntry(schedule.id);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);

  return (
    <Card size="small" title={t('schedule.addEntry')}>
      <Form<EntryFormValues>
        form={form}
        name="add-entry"
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        initialValues={{
          airDate: dayjs(`${schedule.month}-01`),
          timeSlot: '17:00-17:15',
          durationMinutes: 15,
          language: 'vi',
          source: 'own',
        }}
        onFinish={(values) => {
          setOtherErrors(null);
          add.mutate(toEntryBody(values), {
            onSuccess: () => {
              void message.success(t('common.saved'));
              form.resetFields(['title', 'topic', 'genre', 'libraryItemId']);
              form.setFieldValue('airDate', values.airDate.add(7, 'day'));
            },
            onError: (error) => setOtherErrors(applyFieldErrors(form, error, ENTRY_FIELDS)),
          });
        }}
      >
        <ScheduleEntryFields schedule={schedule} />
        {otherErrors ? <FormErrorAlert error={add.error} unplaced={otherErrors} /> : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('schedule.addEntryButton')}
        </Button>
      </Form>
    </Card>
  );
}
