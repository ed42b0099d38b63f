import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type Schedule,
  type ScheduleEntry,
  scheduleDocumentUrl,
  useDeleteEntry,
  useIssueSchedule,
  useMarkAired,
  useReconciliation,
  useSchedule,
} from '../../api/schedules';
import { ChannelName } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDateTime, formatDay, formatMonth } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { AddEntryCard } from './AddEntryCard';
import { EditEntryDialog } from './EditEntryDialog';
import { ScheduleHeaderCard } from './ScheduleHeaderCard';

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
 * Why the entries have no edit buttons: an issued schedule is the record of what was decided and the
 * server refuses every change to it; a draft is edited only by those who may record for the unit.
 */
function LockNotice({ schedule }: { schedule: Schedule }) {
  const { t } = useI18n();
  if (schedule.canEdit) return null;
  if (schedule.status === 'issued') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="schedule-locked"
        title={t('scheduleEdit.lockedIssued')}
        description={t(
          schedule.canMarkAired ? 'scheduleEdit.lockedIssuedHint' : 'scheduleEdit.lockedIssuedView',
        )}
      />
    );
  }
  return <Alert type="info" showIcon data-testid="schedule-locked" title={t('scheduleEdit.draftReadOnly')} />;
}

/**
 * One month's schedule: entries and their week warnings; the officer drafts (adds, edits in a dialog,
 * removes entries), the unit head issues (confirming the warnings), anyone downloads the document,
 * and after issue the schedule is locked and its entries are marked aired.
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
  const [editing, setEditing] = useState<ScheduleEntry | null>(null);
  const isDesktop = useIsDesktop();

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

  // A deleted entry is gone for good: ask first, naming it.
  const confirmDelete = (entry: ScheduleEntry) =>
    modal.confirm({
      title: t('dates.deleteEntryConfirm', { title: entry.title }),
      content: t('dates.deleteEntryConfirmHint', { day: formatDay(entry.airDate), slot: entry.timeSlot }),
      okText: t('dates.deleteEntryOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(entry.id).then(
          () => void message.success(t('dates.entryDeleted')),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });

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
            // Side by side on a desktop; stacked on a phone, where the title needs the width.
            width: isDesktop ? 80 : 40,
            render: (_: unknown, entry: ScheduleEntry) => (
              <Space orientation={isDesktop ? 'horizontal' : 'vertical'} size={4}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('scheduleEdit.edit')}
                  title={t('scheduleEdit.edit')}
                  onClick={() => setEditing(entry)}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('schedule.deleteEntry')}
                  title={t('schedule.deleteEntry')}
                  onClick={() => confirmDelete(entry)}
                />
              </Space>
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
        {t('schedule.monthOf', { month: formatMonth(schedule.month) })} –{' '}
        <ChannelName name={schedule.channelName} kind={schedule.channelKind} />
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
      <LockNotice schedule={schedule} />
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
      {schedule.canEdit ? <AddEntryCard schedule={schedule} /> : null}
      {schedule.canEdit ? (
        <EditEntryDialog schedule={schedule} entry={editing} onClose={() => setEditing(null)} />
      ) : null}
      <ScheduleHeaderCard schedule={schedule} />
    </Space>
  );
}
