import { App, Button, Card, Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import type { MonitorSettingsBody } from '../../../shared/api/monitor';
import { useMonitorSettings, useUpdateMonitorSettings } from '../../api/monitor';
import { applyFieldErrors } from '../../components/form-errors';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';

const SETTINGS_FIELDS = [
  'isEnabled',
  'checkHour',
  'intervalDays',
  'bannerTargetUrl',
  'failureAlertAfter',
  'staleAlertAfterDays',
];

interface Values extends Omit<MonitorSettingsBody, 'bannerTargetUrl'> {
  bannerTargetUrl?: string | null;
}

/** The province's monitor settings: on/off, hour, interval, the banner's target, the alert thresholds. */
export function MonitorSettingsForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useMonitorSettings(unitId).data;
  const update = useUpdateMonitorSettings(unitId);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [settings, form]);
  if (!settings) return null;

  const handleFinish = (values: Values) =>
    update.mutate(
      { ...values, bannerTargetUrl: values.bannerTargetUrl?.trim() || null },
      {
        onSuccess: () => void message.success(t('monitor.settings.saved')),
        onError: (error) => {
          applyFieldErrors(form, error, SETTINGS_FIELDS);
          void message.error(errorText(error));
        },
      },
    );

  return (
    <Card
      size="small"
      title={t('monitor.settings.title', { province: settings.provinceName })}
      styles={{ title: { whiteSpace: 'normal' } }}
      style={{ marginBottom: 12 }}
    >
      <Form form={form} layout="vertical" disabled={!settings.canEdit} onFinish={handleFinish}>
        <Form.Item name="isEnabled" label={t('monitor.settings.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="checkHour" label={t('monitor.settings.hour')} rules={[{ required: true }]}>
          <InputNumber min={0} max={23} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="intervalDays" label={t('monitor.settings.interval')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="bannerTargetUrl" label={t('monitor.settings.bannerTarget')}>
          <Input inputMode="url" placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="failureAlertAfter"
          label={t('monitor.settings.failureAfter')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="staleAlertAfterDays"
          label={t('monitor.settings.staleAfter')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={365} style={{ width: '100%' }} />
        </Form.Item>
        {settings.canEdit && (
          <Button type="primary" htmlType="submit" loading={update.isPending} block>
            {t('monitor.settings.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
