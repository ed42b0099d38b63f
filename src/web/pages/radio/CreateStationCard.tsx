import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useChannels } from '../../api/activities';
import { type RadioStationInput, type RadioStationToken, useCreateRadioStation } from '../../api/radio';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { todayIso } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/** A station for one of the unit's running radio programmes; the token comes back once. */
export function CreateStationCard(props: { unitId: string; onCreated: (issued: RadioStationToken) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RadioStationInput>();
  const channels = useChannels(props.unitId);
  const create = useCreateRadioStation(props.unitId);
  const today = todayIso();
  const programmes = (channels.data?.items ?? []).filter(
    (channel) => channel.kind === 'radio_programme' && (!channel.endedOn || channel.endedOn >= today),
  );

  // One running programme (the usual commune): chosen already, once the channels have arrived.
  const onlyProgramme = programmes.length === 1 ? programmes[0]!.id : null;
  useEffect(() => {
    if (onlyProgramme && !form.getFieldValue('channelId')) form.setFieldValue('channelId', onlyProgramme);
  }, [form, onlyProgramme]);

  const handleFinish = (values: RadioStationInput) => {
    create.mutate(values, {
      onSuccess: (issued) => {
        form.resetFields();
        if (onlyProgramme) form.setFieldValue('channelId', onlyProgramme);
        props.onCreated(issued);
      },
      onError: (error) => applyFieldErrors(form, error, ['code', 'name', 'channelId']),
    });
  };

  return (
    <Card size="small" title={t('radio.createTitle')}>
      {channels.isSuccess && programmes.length === 0 ? (
        <Alert type="info" showIcon title={t('radio.noChannel')} />
      ) : (
        <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
          <Form.Item
            name="code"
            label={t('radio.code')}
            extra={t('radio.codeHint')}
            rules={[{ required: true }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('radio.name')} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="channelId" label={t('radio.channel')} rules={[{ required: true }]}>
            <Select
              loading={channels.isPending}
              options={programmes.map((channel) => ({ value: channel.id, label: channel.name }))}
            />
          </Form.Item>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ marginTop: 8 }}>
            {t('radio.create')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
