import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { BROADCAST_SOURCE_LABELS, BROADCAST_SOURCES, type BroadcastSource } from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import { useVocabulary } from '../../api/activities';
import {
  type Schedule,
  type ScheduleEntry,
  scheduleDocumentUrl,
  useAddEntry,
  useDeleteEntry,
  useIssueSchedule,
  useMarkAired,
  useReconciliation,
  useSchedule,
} from '../../api/schedules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { PageSpinner } from '../../components/PageSpinner';
import { DAY_FORMAT, formatDateTime, formatDay, formatMonth, toIsoDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { ScheduleHeaderCard } from './ScheduleHeaderCard';

interface EntryValues {
  airDate: Dayjs;
  timeSlot: string;
  title: string;
  durationMinutes: number;
  language: string;
  source: BroadcastSource;
  topic?: string;
}
const ENTRY_FIELDS = ['airDate', 'timeSlot', 'title', 'durationMinutes', 'language', 'source', 'topic'];

function AddEntryForm({ schedule }: { schedule: Schedule }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const add = useAddEntry(schedule.id);
  const vocabulary = useVocabulary(schedule.unitId);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);
  const monthStart = dayjs(`${schedule.month}-01`);

  return (
    <Card size="small" title={t('schedule.addEntry')}>
      <Form<EntryValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        initialValues={{
          airDate: monthStart,
          timeSlot: '17:00-17:15',
          durationMinutes: 15,
          language: 'vi',
          source: 'own',
        }}
        onFinish={(values) => {
          setOtherErrors(null);
          add.mutate(
            {
              airDate: toIsoDay(values.airDate),
              timeSlot: values.timeSlot,
              title: values.title.trim(),
              durationMinutes: values.durationMinutes,
              language: values.language,
              source: values.source,
              topic: values.topic ?? null,
            },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                form.resetFields(['title', 'topic']);
                form.setFieldValue('airDate', values.airDate.add(7, 'day'));
              },
              onError: (error) => setOtherErrors(applyFieldErrors(form, error, ENTRY_FIELDS)),
            },
          );
        }}
      >
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="airDate"
            label={t('schedule.airDate')}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <DatePicker
              format={DAY_FORMAT}
              allowClear={false}
              inputReadOnly
              style={{ width: '100%' }}
              disabledDate={(day) => !day.isSame(monthStart, 'month')}
              defaultPickerValue={monthStart}
            />
          </Form.Item>
          <Form.Item
            name="timeSlot"
            label={t('schedule.timeSlot')}
            rules={[{ required: true, message: t('schedule.timeSlotRequired') }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Input placeholder="17:00-17:15" />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('record.headline')}
          rules={[{ required: true, whitespace: true, message: t('record.headlineRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="durationMinutes"
            label={t('record.duration')}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <InputNumber min={1} max={600} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="language" label={t('record.language')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              options={(vocabulary.data?.languages ?? [{ code: 'vi', name: 'Tiếng Việt' }]).map(
                (language) => ({
                  value: language.code,
                  label: language.name,
                }),
              )}
            />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="source" label={t('record.source')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              options={BROADCAST_SOURCES.map((source) => ({
                value: source,
                label: label(BROADCAST_SOURCE_LABELS[source]),
              }))}
            />
          </Form.Item>
          <Form.Item name="topic" label={t('schedule.topic')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              allowClear
              options={(vocabulary.data?.topics ?? []).map((topic) => ({
                value: topic.code,
                label: topic.name,
              }))}
            />
          </Form.Item>
        </div>
        {otherErrors && add.error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={add.error} details={otherErrors} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('schedule.addEntryButton')}
        </Button>
      </Form>
    </Card>
  );
}

function Reconciliation({ scheduleId }: { scheduleId: string }) {
  const { t } = useI18n();
  const query = useReconciliation(scheduleId, true);
  if (query.error) return <ErrorAlert error={query.error} />;
  const data = query.data;
  const colours = { aired: 'green', skipped: 'red', planned: 'default' } as const;
  return (
    <Card size="small" title={t('schedule.reconciliation')} loading={query.isLoading}>
      {data ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag>{t('schedule.planned', { count: data.totals.planned })}</Tag>
            <Tag color="green">{t('schedule.aired', { count: data.totals.aired })}</Tag>
            <Tag color="red">{t('schedule.skipped', { count: data.totals.skipped })}</Tag>
            <Tag color="blue">{t('schedule.unplanned', { count: data.totals.unplanned })}</Tag>
          </Space>
          <Table
            size="small"
            rowKey={(row) => row.entry.id}
            dataSource={data.entries}
            pagination={false}
            columns={[
              {
                title: t('schedule.airDate'),
                render: (_, row) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(row.entry.airDate)}
                    <br />
                    {row.entry.timeSlot}
                  </span>
                ),
              },
              { title: t('record.headline'), render: (_, row) => row.entry.title },
              {
                title: t('schedule.status'),
                render: (_, row) => (
                  <Tag color={colours[row.status]}>{t(`schedule.status.${row.status}`)}</Tag>
                ),
              },
            ]}
          />
          {data.unplanned.length ? (
            <>
              <Typography.Title level={5}>{t('schedule.unplannedTitle')}</Typography.Title>
              <ul style={{ paddingInlineStart: 20 }}>
                {data.unplanned.map((broadcast) => (
                  <li key={broadcast.id}>
                    {formatDateTime(broadcast.occurredAt)} – {broadcast.title}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

/**
 * One month's schedule: entries and their week warnings; the officer drafts, the unit head issues
 * (confirming the warnings), anyone downloads the document, and after issue entries are marked aired.
 */
export function ScheduleDetailPage() {
  const { scheduleId = '' } = useParams();
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const query = useSchedule(scheduleId);
  const issue = useIssueSchedule(scheduleId);
  const markAired = useMarkAired(scheduleId);
  const remove = useDeleteEntry();
  const [selected, setSelected] = useState<string[]>([]);
  const [view, setView] = useState<'plan' | 'aired'>('plan');

  if (query.isLoading) return <PageSpinner />;
  if (query.error || !query.data)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const schedule = query.data;
  const isIssued = schedule.status === 'issued';

  const doIssue = (acknowledge: boolean) =>
    issue.mutate(acknowledge, {
      onSuccess: () => void message.success(t('schedule.issuedMessage')),
    });
  const startIssue = () => {
    if (!schedule.warnings.length) return doIssue(false);
    modal.confirm({
      title: t('schedule.issueWithWarnings'),
      content: (
        <ul style={{ paddingInlineStart: 20 }}>
          {schedule.warnings.map((warning) => (
            <li key={warning.weekStart}>{warning.message}</li>
          ))}
        </ul>
      ),
      okText: t('schedule.issue'),
      cancelText: t('common.cancel'),
      onOk: () => doIssue(true),
    });
  };

  const entryColumns = [
    {
      title: t('schedule.airDate'),
      render: (_: unknown, entry: ScheduleEntry) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDay(entry.airDate)}
          <br />
          {entry.timeSlot}
        </span>
      ),
    },
    {
      title: t('record.headline'),
      render: (_: unknown, entry: ScheduleEntry) => (
        <>
          <div>{entry.title}</div>
          <Space wrap size={4}>
            <Typography.Text type="secondary">
              {t('schedule.minutes', { count: entry.durationMinutes })} · {entry.languageName}
            </Typography.Text>
            {entry.isDx ? <Tag color="blue">CĐS</Tag> : null}
            {entry.airedActivityId ? <Tag color="green">{t('schedule.status.aired')}</Tag> : null}
          </Space>
        </>
      ),
    },
    ...(schedule.canEdit
      ? [
          {
            title: '',
            width: 48,
            render: (_: unknown, entry: ScheduleEntry) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('schedule.deleteEntry')}
                onClick={() => remove.mutate(entry.id)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%', maxWidth: 900, marginInline: 'auto', display: 'flex' }}
    >
      <Link to="/schedules">← {t('schedule.title')}</Link>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('schedule.monthOf', { month: formatMonth(schedule.month) })} – {schedule.channelName}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'unit', label: t('record.unit'), children: schedule.unitName },
          {
            key: 'status',
            label: t('schedule.status'),
            children: (
              <Tag color={isIssued ? 'green' : 'default'}>
                {t(isIssued ? 'schedule.issued' : 'schedule.draft')}
                {isIssued && schedule.issuedAt ? ` ${formatDateTime(schedule.issuedAt)}` : ''}
              </Tag>
            ),
          },
          {
            key: 'total',
            label: t('schedule.total'),
            children: `${t('schedule.entryCount', { count: schedule.entries.length })}, ${t('schedule.minutes', { count: schedule.totalMinutes })}`,
          },
        ]}
      />
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={scheduleDocumentUrl(schedule.id, 'docx')} download>
          {t('schedule.downloadDocx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={scheduleDocumentUrl(schedule.id, 'xlsx')} download>
          {t('schedule.downloadXlsx')}
        </Button>
        {schedule.canIssue ? (
          <Button
            type="primary"
            onClick={startIssue}
            loading={issue.isPending}
            disabled={!schedule.entries.length}
          >
            {t('schedule.issue')}
          </Button>
        ) : null}
      </Space>
      {issue.error ? <ErrorAlert error={issue.error} /> : null}
      {schedule.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('schedule.warningsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {schedule.warnings.map((warning) => (
                <li key={warning.weekStart}>{warning.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {isIssued ? (
        <Segmented<'plan' | 'aired'>
          value={view}
          onChange={setView}
          options={[
            { value: 'plan', label: t('schedule.viewPlan') },
            { value: 'aired', label: t('schedule.reconciliation') },
          ]}
        />
      ) : null}
      {view === 'aired' && isIssued ? (
        <Reconciliation scheduleId={schedule.id} />
      ) : (
        <Card
          size="small"
          title={t('schedule.entries')}
          extra={
            schedule.canMarkAired ? (
              <Button
                type="primary"
                size="small"
                disabled={!selected.length}
                loading={markAired.isPending}
                onClick={() =>
                  markAired.mutate(selected, {
                    onSuccess: (result) => {
                      setSelected([]);
                      void message.success(t('schedule.markedAired', { count: result.items.length }));
                    },
                    onError: (error) => void message.error(errorText(error)),
                  })
                }
              >
                {t('schedule.markAired')}
              </Button>
            ) : null
          }
        >
          <Table<ScheduleEntry>
            size="small"
            rowKey="id"
            dataSource={schedule.entries}
            pagination={false}
            locale={{ emptyText: t('schedule.noEntries') }}
            rowSelection={
              schedule.canMarkAired
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (entry) => ({ disabled: Boolean(entry.airedActivityId) }),
                  }
                : undefined
            }
            columns={entryColumns}
          />
        </Card>
      )}
      {schedule.canEdit ? <AddEntryForm schedule={schedule} /> : null}
      <ScheduleHeaderCard schedule={schedule} />
    </Space>
  );
}
