import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type Schedule, useUpdateScheduleHeader } from '../../api/schedules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';

interface HeaderValues {
  documentNumber?: string;
  signerName?: string;
  signerTitle?: string;
  recipients?: string;
  note?: string;
}
const HEADER_FIELDS = ['documentNumber', 'signerName', 'signerTitle', 'recipients', 'note'];

/** The document's header (number, signer, recipients): editable while the schedule is a draft. */
export function ScheduleHeaderCard({ schedule }: { schedule: Schedule }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HeaderValues>();
  const update = useUpdateScheduleHeader(schedule.id);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);
  const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

  if (!schedule.canEdit) {
    return (
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'number', label: t('schedule.documentNumber'), children: schedule.documentNumber ?? '—' },
          {
            key: 'signer',
            label: t('schedule.signer'),
            children: [schedule.signerTitle, schedule.signerName].filter(Boolean).join(' ') || '—',
          },
        ]}
      />
    );
  }
  return (
    <Card size="small" title={t('schedule.header')}>
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        className="compact-form"
        initialValues={{
          documentNumber: schedule.documentNumber ?? '',
          signerName: schedule.signerName ?? '',
          signerTitle: schedule.signerTitle ?? '',
          recipients: schedule.recipients.join('\n'),
          note: schedule.note ?? '',
        }}
        onFinish={(values) => {
          setOtherErrors(null);
          update.mutate(
            {
              documentNumber: orNull(values.documentNumber),
              signerName: orNull(values.signerName),
              signerTitle: orNull(values.signerTitle),
              recipients: (values.recipients ?? '')
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
              note: orNull(values.note),
            },
            {
              onSuccess: () => void message.success(t('common.saved')),
              onError: (error) => setOtherErrors(applyFieldErrors(form, error, HEADER_FIELDS)),
            },
          );
        }}
      >
        <Form.Item name="documentNumber" label={t('schedule.documentNumber')}>
          <Input placeholder="12/DM-UBND" maxLength={100} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="signerTitle" label={t('schedule.signerTitle')} style={{ flex: 1, minWidth: 0 }}>
            <Input placeholder={t('schedule.signerTitlePlaceholder')} maxLength={200} />
          </Form.Item>
          <Form.Item name="signerName" label={t('schedule.signerName')} style={{ flex: 1, minWidth: 0 }}>
            <Input maxLength={200} />
          </Form.Item>
        </div>
        <Form.Item name="recipients" label={t('schedule.recipients')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {otherErrors && update.error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={update.error} details={otherErrors} />
          </div>
        ) : null}
        <Button htmlType="submit" loading={update.isPending}>
          {t('schedule.saveHeader')}
        </Button>
      </Form>
    </Card>
  );
}
