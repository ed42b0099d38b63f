import { App, Button, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type UrgeResult, useUrgeUnits } from '../../api/reminders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { type PickedUnit, UnitsMultiPicker } from './UnitsMultiPicker';

const MAX_UNITS = 500;

interface UrgeValues {
  units: PickedUnit[];
  message?: string;
}

/**
 * "Đôn đốc": the office picks units (or adds every unit that has not submitted the chosen period)
 * and an optional message; after sending, each unit's outcome is shown — how many people were told,
 * or why it was skipped (urged minutes ago, nobody to tell).
 */
export function UrgeModal(props: {
  open: boolean;
  onClose: () => void;
  period: { id: string; label: string } | null;
  initialUnits: PickedUnit[];
  missingUnits: PickedUnit[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UrgeValues>();
  const urge = useUrgeUnits();
  const [result, setResult] = useState<UrgeResult | null>(null);

  const handleClose = () => {
    setResult(null);
    urge.reset();
    form.resetFields();
    props.onClose();
  };

  const handleFinish = (values: UrgeValues) => {
    urge.mutate(
      {
        unitIds: values.units.map((unit) => unit.id),
        ...(props.period ? { periodId: props.period.id } : {}),
        ...(values.message?.trim() ? { message: values.message.trim() } : {}),
      },
      {
        onSuccess: (answer) => {
          setResult(answer);
          void message.success(t('reminders.done', { urged: answer.urged, skipped: answer.skipped }));
        },
      },
    );
  };

  const addMissing = () => {
    const current: PickedUnit[] = form.getFieldValue('units') ?? [];
    const ids = new Set(current.map((unit) => unit.id));
    form.setFieldValue('units', [...current, ...props.missingUnits.filter((unit) => !ids.has(unit.id))]);
  };

  return (
    <Modal
      open={props.open}
      title={result ? t('reminders.resultTitle') : t('reminders.modal.title')}
      onCancel={handleClose}
      destroyOnHidden
      footer={
        result ? (
          <Button onClick={handleClose}>OK</Button>
        ) : (
          <>
            <Button onClick={handleClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={urge.isPending} onClick={() => form.submit()}>
              {t('reminders.modal.send')}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <List
          size="small"
          dataSource={result.items}
          renderItem={(item) => (
            <List.Item>
              <div>
                <Typography.Text strong>{item.unitName}</Typography.Text>{' '}
                {item.status === 'urged' ? (
                  <Tag color="green">{t('reminders.peopleTold', { count: item.peopleTold })}</Tag>
                ) : (
                  <Tag color="orange">{t('reminders.status.skipped')}</Tag>
                )}
                {item.withoutEmail ? (
                  <Tag>{t('reminders.withoutEmail', { count: item.withoutEmail })}</Tag>
                ) : null}
                {item.reason ? <div style={{ fontSize: 12 }}>{item.reason}</div> : null}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Form<UrgeValues>
          form={form}
          name="urge"
          layout="vertical"
          initialValues={{ units: props.initialUnits }}
          onFinish={handleFinish}
        >
          <Typography.Paragraph type="secondary">
            {props.period
              ? t('reminders.modal.periodHint', { period: props.period.label })
              : t('reminders.modal.noPeriod')}
          </Typography.Paragraph>
          <Form.Item
            name="units"
            label={t('reminders.modal.units')}
            extra={t('reminders.modal.unitsHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('reminders.modal.unitsRequired') },
              { type: 'array', max: MAX_UNITS, message: t('reminders.modal.tooMany') },
            ]}
          >
            <UnitsMultiPicker />
          </Form.Item>
          {props.missingUnits.length ? (
            <Button size="small" onClick={addMissing} style={{ marginBottom: 16 }}>
              {t('reminders.modal.addMissing', { count: props.missingUnits.length })}
            </Button>
          ) : null}
          <Form.Item name="message" label={t('reminders.modal.message')}>
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('reminders.modal.messagePlaceholder')}
            />
          </Form.Item>
          {urge.isError ? <ErrorAlert error={urge.error} /> : null}
        </Form>
      )}
    </Modal>
  );
}
