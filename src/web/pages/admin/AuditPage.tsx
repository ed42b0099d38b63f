import {
  Button,
  Col,
  Collapse,
  Form,
  Input,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { foldForSearch } from '../../../shared/text';
import { useAuditLog } from '../../api/audit';
import type { AuditEntry, AuditFilter } from '../../api/types';
import { DayPicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, toIsoDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel } from '../../i18n/labels';

const PAGE_SIZE = 25;

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function JsonBlock({ value, emptyText }: { value: unknown; emptyText: string }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        padding: 8,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 4,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Who changed what and when, filtered by actor, action, entity type and days; rows expand to before/after. */
export function AuditPage() {
  const { t, label, language } = useI18n();
  const isDesktop = useIsDesktop();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<Omit<AuditFilter, 'limit' | 'offset'>>({});
  const [page, setPage] = useState(1);
  const audit = useAuditLog({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const handleFinish = (values: FilterValues) => {
    setFilter({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      entityType: values.entityType || undefined,
      from: values.from ? toIsoDay(values.from) : undefined,
      to: values.to ? toIsoDay(values.to) : undefined,
    });
    setPage(1);
  };

  const actionLabel = (action: string) => label(auditActionLabel(action), action);
  const entityLabel = (entityType: string) => label(AUDIT_ENTITY_LABELS[entityType], entityType);

  const actionTag = (entry: AuditEntry) => (
    <Tag color="blue" title={entry.action} style={{ whiteSpace: 'normal' }}>
      {actionLabel(entry.action)}
    </Tag>
  );

  const desktopColumns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorLabel' },
    { key: 'action', title: t('audit.action'), render: (_, entry) => actionTag(entry) },
    {
      key: 'summary',
      title: t('audit.summary'),
      render: (_, entry) => (
        <div>
          <Typography.Text type="secondary">{entityLabel(entry.entityType)}: </Typography.Text>
          {entry.summary}
        </div>
      ),
    },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', responsive: ['xl'] },
  ];

  // A phone gets one column that wraps: what, who, when, then the summary.
  const phoneColumns: TableColumnsType<AuditEntry> = [
    {
      key: 'entry',
      title: t('audit.summary'),
      render: (_, entry) => (
        <div>
          {actionTag(entry)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(entry.at)} · {entry.actorLabel}
          </Typography.Text>
          {entry.summary && entry.summary !== actionLabel(entry.action) ? <div>{entry.summary}</div> : null}
        </div>
      ),
    },
  ];

  const activeFilters = Object.values(filter).filter(Boolean).length;
  const filterForm = (
    <Form<FilterValues> form={form} name="audit-filter" layout="vertical" onFinish={handleFinish}>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear autoCapitalize="none" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              allowClear
              placeholder={t('audit.any')}
              options={Object.keys(AUDIT_ACTION_LABELS)
                .map((value) => ({ value, label: actionLabel(value) }))
                .sort((a, b) => a.label.localeCompare(b.label, language))}
              // Words, not codes: "dang nhap" finds "Đăng nhập".
              showSearch={{
                filterOption: (input, option) =>
                  foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input)),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Select
              allowClear
              placeholder={t('audit.any')}
              options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, text]) => ({
                value,
                label: label(text),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name="from" label={t('audit.from')}>
            <DayPicker placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name="to" label={t('audit.to')}>
            <DayPicker placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item>
        <Button type="primary" htmlType="submit" style={{ marginInlineEnd: 8 }}>
          {t('audit.filter')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFilter({});
            setPage(1);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Form.Item>
    </Form>
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 24 }}>
        {t('audit.title')}
      </Typography.Title>
      {isDesktop ? (
        filterForm
      ) : (
        <Collapse
          size="small"
          style={{ marginBottom: 12, background: '#fff' }}
          items={[
            {
              key: 'filters',
              label: activeFilters ? `${t('audit.filters')} (${activeFilters})` : t('audit.filters'),
              children: filterForm,
              forceRender: true,
            },
          ]}
        />
      )}
      {audit.isError ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={isDesktop ? desktopColumns : phoneColumns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        locale={{ emptyText: t('audit.empty') }}
        scroll={isDesktop ? { x: 'max-content' } : undefined}
        expandable={{
          expandRowByClick: !isDesktop,
          columnWidth: isDesktop ? undefined : 36,
          expandedRowRender: (entry) => (
            <div>
              <Row gutter={[12, 12]}>
                <Col xs={24} md={12}>
                  <div>
                    <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  </div>
                  <JsonBlock value={entry.before} emptyText={t('audit.noChange')} />
                </Col>
                <Col xs={24} md={12}>
                  <div>
                    <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  </div>
                  <JsonBlock value={entry.after} emptyText={t('audit.noChange')} />
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {entityLabel(entry.entityType)}
                {entry.entityId ? ` · ${entry.entityId}` : ''}
                {entry.ip ? ` · ${entry.ip}` : ''}
              </Typography.Paragraph>
            </div>
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
    </>
  );
}
