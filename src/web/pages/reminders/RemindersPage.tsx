import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Collapse,
  Form,
  List,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../api/auth';
import { type ReminderFilter, type ReminderItem, reminderExportUrl, useReminders } from '../../api/reminders';
import { DayPicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDateTime, formatDay, parseIsoDay, toIsoDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { UrgeModal } from './UrgeModal';

const PAGE_SIZE = 50;

const STATUS_COLORS: Record<string, string> = {
  delivered: 'blue',
  pending: 'gold',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

interface FilterValues {
  unitId?: string | null;
  periodId?: string | null;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/**
 * "Đôn đốc" for the DX office: who was reminded or urged, how, when and with what result, per unit and
 * report period; the same list as XLSX; the urge action; the weekly reminder switch of the province.
 * On a phone each notification is a card.
 */
export function RemindersPage() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const filter: ReminderFilter = {
    unitId: params.get('unitId') ?? undefined,
    periodId: params.get('periodId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const [page, setPage] = useState(1);
  const [isUrgeOpen, setUrgeOpen] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useReminders({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const periods = list.data?.periods ?? [];
  const period = periods.find((candidate) => candidate.id === filter.periodId) ?? null;
  const officeUnit =
    filter.unitId ?? me?.grants.find((grant) => grant.role === 'dx_office' && grant.unitId)?.unitId ?? null;

  const handleFinish = (values: FilterValues) => {
    const next = new URLSearchParams();
    if (values.unitId) next.set('unitId', values.unitId);
    if (values.periodId) next.set('periodId', values.periodId);
    if (values.from) next.set('from', toIsoDay(values.from));
    if (values.to) next.set('to', toIsoDay(values.to));
    setParams(next);
    setPage(1);
  };

  const kindText = (kind: string) => t(`reminders.kind.${kind}` as MessageKey);
  const statusTag = (item: ReminderItem) => (
    <Tag color={STATUS_COLORS[item.deliveryStatus]}>
      {t(`reminders.status.${item.deliveryStatus}` as MessageKey)}
    </Tag>
  );
  const sender = (item: ReminderItem) => item.urgedBy ?? t('reminders.system');
  const channel = (item: ReminderItem) => t(`reminders.channel.${item.channel}` as MessageKey);
  const recipient = (item: ReminderItem) =>
    item.recipientEmail ? `${item.recipientName} <${item.recipientEmail}>` : item.recipientName;

  const columns: TableColumnsType<ReminderItem> = [
    { key: 'at', title: t('reminders.at'), width: 140, render: (_, item) => formatDateTime(item.createdAt) },
    { key: 'unit', title: t('reminders.unit'), dataIndex: 'unitName' },
    {
      key: 'kind',
      title: t('reminders.kind'),
      render: (_, item) => (
        <div>
          <div>{kindText(item.kind)}</div>
          {item.periodLabel ? <Typography.Text type="secondary">{item.periodLabel}</Typography.Text> : null}
        </div>
      ),
    },
    { key: 'sender', title: t('reminders.sender'), render: (_, item) => sender(item) },
    { key: 'recipient', title: t('reminders.recipient'), render: (_, item) => recipient(item) },
    { key: 'channel', title: t('reminders.channel'), render: (_, item) => channel(item) },
    {
      key: 'result',
      title: t('reminders.result'),
      render: (_, item) => (
        <div>
          {statusTag(item)}
          {item.deliveredAt && item.channel === 'email' ? (
            <div style={{ fontSize: 12 }}>{formatDateTime(item.deliveredAt)}</div>
          ) : null}
          {item.deliveryNote ? <div style={{ fontSize: 12 }}>{item.deliveryNote}</div> : null}
        </div>
      ),
    },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('reminders.total', { count: total }),
    onChange: setPage,
    size: 'small' as const,
  };

  const activeFilters = Object.values(filter).filter(Boolean).length;
  const filterForm = (
    <Form<FilterValues>
      form={form}
      name="reminders-filter"
      layout="vertical"
      initialValues={{
        unitId: filter.unitId ?? null,
        periodId: filter.periodId ?? null,
        from: parseIsoDay(filter.from),
        to: parseIsoDay(filter.to),
      }}
      onFinish={handleFinish}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="unitId" label={t('reminders.unit')}>
            <UnitPicker allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodId" label={t('reminders.period')}>
            <Select
              allowClear
              placeholder={t('reminders.allPeriods')}
              options={periods.map((p) => ({
                value: p.id,
                label: `${p.typeName} – ${p.label} (${formatDay(p.dueOn)})`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="from" label={t('reminders.from')}>
            <DayPicker placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="to" label={t('reminders.to')}>
            <DayPicker placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" style={{ marginBottom: 16 }}>
        {t('reminders.filter')}
      </Button>
    </Form>
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 24 }}>
        {t('reminders.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reminders.intro')}</Typography.Paragraph>
      {officeUnit ? <ReminderSettingsCard unitId={officeUnit} /> : null}
      {isDesktop ? (
        filterForm
      ) : (
        <Collapse
          size="small"
          style={{ marginBottom: 12, background: '#fff' }}
          items={[
            {
              key: 'filters',
              label: activeFilters ? `${t('reminders.filters')} (${activeFilters})` : t('reminders.filters'),
              children: filterForm,
              forceRender: true,
            },
          ]}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={reminderExportUrl(filter)} download>
          {t('reminders.export')}
        </Button>
        {list.data?.canUrge ? (
          <Button icon={<NotificationOutlined />} onClick={() => setUrgeOpen(true)}>
            {t('reminders.urge')}
          </Button>
        ) : null}
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {isDesktop ? (
        <Table<ReminderItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('reminders.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={pagination}
          expandable={{
            expandedRowRender: (item) => (
              <div>
                <Typography.Text strong>{item.title}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {item.body}
                </Typography.Paragraph>
              </div>
            ),
          }}
        />
      ) : (
        <List<ReminderItem>
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('reminders.empty') }}
          pagination={pagination}
          renderItem={(item) => (
            <List.Item style={{ padding: '4px 0', border: 'none' }}>
              <Card size="small" style={{ width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                  <Typography.Text strong>{item.unitName}</Typography.Text>
                  {statusTag(item)}
                </div>
                <div>
                  {kindText(item.kind)}
                  {item.periodLabel ? ` · ${item.periodLabel}` : ''}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {formatDateTime(item.createdAt)} · {channel(item)} · {recipient(item)}
                </Typography.Text>
                <div style={{ fontSize: 12 }}>
                  {t('reminders.sender')}: {sender(item)}
                </div>
                {item.deliveryNote ? <div style={{ fontSize: 12 }}>{item.deliveryNote}</div> : null}
                <Typography.Paragraph
                  type="secondary"
                  style={{ fontSize: 12, margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                  ellipsis={{ rows: 2, expandable: true, symbol: t('reminders.more') }}
                >
                  {item.body}
                </Typography.Paragraph>
              </Card>
            </List.Item>
          )}
        />
      )}
      {isUrgeOpen ? (
        <UrgeModal
          open
          onClose={() => setUrgeOpen(false)}
          period={period ? { id: period.id, label: `${period.typeName} – ${period.label}` } : null}
          initialUnits={
            filter.unitId
              ? [
                  {
                    id: filter.unitId,
                    name:
                      list.data?.items.find((i) => i.unitId === filter.unitId)?.unitName ??
                      list.data?.missingUnits.find((unit) => unit.id === filter.unitId)?.name ??
                      t('reminders.unit'),
                  },
                ]
              : []
          }
          missingUnits={(list.data?.missingUnits ?? []).map((unit) => ({ id: unit.id, name: unit.name }))}
        />
      ) : null}
    </>
  );
}
