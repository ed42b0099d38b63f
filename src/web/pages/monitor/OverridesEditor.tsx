import { App, Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SiteOverridesBody } from '../../../shared/api/monitor';
import {
  type OverridesTest,
  type UnitMonitor,
  useSaveSiteOverrides,
  useSiteOverrides,
  useTestSiteOverrides,
} from '../../api/monitor';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';

const FIELDS = [
  'listingUrl',
  'itemSelector',
  'linkSelector',
  'titleSelector',
  'dateSelector',
  'leadSelector',
  'nextSelector',
  'dateFormat',
] as const;

type Values = Partial<Record<(typeof FIELDS)[number], string | null>>;

/** Empty fields are "not set": the automatic detection is used for them. */
function toBody(values: Values): SiteOverridesBody {
  return Object.fromEntries(
    FIELDS.map((field) => [field, values[field]?.trim() || null]),
  ) as SiteOverridesBody;
}

function TestResult({ result }: { result: OverridesTest }) {
  const { t } = useI18n();
  if (!result.ok)
    return (
      <Typography.Paragraph type="danger">
        {t('monitor.overrides.failed', { reason: result.errorMessage ?? '' })}
      </Typography.Paragraph>
    );
  return (
    <List
      size="small"
      header={
        <Typography.Text strong>
          {t('monitor.overrides.found', { count: result.items.length, method: result.method ?? '' })}
        </Typography.Text>
      }
      dataSource={result.items}
      renderItem={(item) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <a href={item.url} target="_blank" rel="noreferrer noopener">
              {item.title}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.publishedAt ? formatDateTime(item.publishedAt) : '—'}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * A column's reading rules (DX office): the listing address and CSS selectors when the automatic
 * detection does not fit a portal, "Thử với trang thật" showing what the rules read from the live
 * page before they are saved.
 */
export function OverridesEditor({ data }: { data: UnitMonitor }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [columnId, setColumnId] = useState<string | undefined>(data.channels[0]?.channelId);
  const overrides = useSiteOverrides(columnId);
  const save = useSaveSiteOverrides(columnId ?? '');
  const test = useTestSiteOverrides(columnId ?? '');
  const [result, setResult] = useState<OverridesTest | null>(null);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (overrides.data) form.setFieldsValue(overrides.data);
    setResult(null);
  }, [overrides.data, form]);
  if (data.channels.length === 0) return null;

  const onError = (error: unknown) => {
    applyFieldErrors(form, error, FIELDS);
    void message.error(errorText(error));
  };
  const handleTest = async () =>
    test.mutate(toBody(await form.validateFields()), { onSuccess: setResult, onError });
  const handleSave = (values: Values) =>
    save.mutate(toBody(values), {
      onSuccess: () => void message.success(t('monitor.overrides.saved')),
      onError,
    });

  return (
    <Card size="small" title={t('monitor.overrides.title')} styles={{ title: { whiteSpace: 'normal' } }}>
      <Typography.Paragraph type="secondary">{t('monitor.overrides.hint')}</Typography.Paragraph>
      <Form layout="vertical" form={form} onFinish={handleSave} disabled={!overrides.data?.canEdit}>
        <Form.Item label={t('monitor.overrides.column')}>
          <Select
            value={columnId}
            onChange={setColumnId}
            options={data.channels.map((channel) => ({ value: channel.channelId, label: channel.name }))}
          />
        </Form.Item>
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`monitor.overrides.${field}` as MessageKey)}>
            <Input
              maxLength={field === 'listingUrl' ? 2000 : 300}
              inputMode={field === 'listingUrl' ? 'url' : 'text'}
              placeholder={field === 'listingUrl' ? (overrides.data?.channelUrl ?? 'https://') : undefined}
            />
          </Form.Item>
        ))}
        <Space wrap>
          <Button onClick={handleTest} loading={test.isPending}>
            {t('monitor.overrides.test')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('monitor.overrides.save')}
          </Button>
        </Space>
      </Form>
      {result && (
        <div style={{ marginTop: 12 }}>
          <TestResult result={result} />
        </div>
      )}
    </Card>
  );
}
