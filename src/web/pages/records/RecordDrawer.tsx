import { App, Button, Descriptions, Drawer, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  BROADCAST_SOURCE_LABELS,
  GENRE_LABELS,
  PROVENANCE_LABELS,
} from '../../../shared/activities';
import { useActivity, useDeleteActivity } from '../../api/activities';
import { ChannelName } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SnapshotPanel } from '../../components/SnapshotPanel';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';
import { RecordActionBar } from './RecordActionBar';
import { RecordActionDuplicate } from './RecordActionDuplicate';
import { RecordEvidenceSection } from './RecordEvidenceSection';
import { TranslationLinks } from './TranslationLinks';

const REVIEW_COLOURS = { pending: 'default', accepted: 'green', rejected: 'red' } as const;

/**
 * One record: its fields, the three dates kept apart, the actions the server allows (edit, review,
 * translate, restore, delete with a reason), what it may repeat, its versions in other languages
 * and its evidence. With onOpen, a linked record opens in the same drawer.
 */
export function RecordDrawer(props: {
  activityId: string | null;
  onClose: () => void;
  onOpen?: (activityId: string) => void;
}) {
  const { t, label } = useI18n();
  const isDesktop = useIsDesktop();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const query = useActivity(props.activityId);
  const remove = useDeleteActivity();
  const [isDeleting, setDeleting] = useState(false);
  const [reason, setReason] = useState('');
  const record = query.data;
  // Codes (sed, bdq, topic codes) are shown by their names in the UI's language.
  const { languageName, topicName } = useVocabularyNames(record?.unitId);

  return (
    <Drawer
      open={Boolean(props.activityId)}
      onClose={props.onClose}
      size={isDesktop ? 560 : '100%'}
      title={t('records.detail')}
      loading={query.isLoading}
    >
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {record ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {record.title}
          </Typography.Title>
          <Space wrap size={4}>
            <Tag>{label(ACTIVITY_KIND_LABELS[record.kind])}</Tag>
            <Tag color={REVIEW_COLOURS[record.reviewStatus]}>
              {t(`records.review.${record.reviewStatus}`)}
            </Tag>
            {record.duplicateOf ? <Tag color="orange">{t('records.duplicate')}</Tag> : null}
            {record.deletedAt ? <Tag color="red">{t('records.deleted')}</Tag> : null}
          </Space>
          {record.deletedAt ? (
            <Typography.Text type="danger">
              {t('records.deletedBecause', { reason: record.deleteReason ?? '' })}
            </Typography.Text>
          ) : null}
          <RecordActionDuplicate record={record} onOpen={props.onOpen} />
          <RecordActionBar record={record} />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'unit', label: t('record.unit'), children: record.unitName },
              {
                key: 'channel',
                label: t('record.channel'),
                children: record.channelName ? (
                  <ChannelName name={record.channelName} kind={record.channelKind} />
                ) : (
                  '—'
                ),
              },
              { key: 'occurred', label: t('records.occurred'), children: formatDateTime(record.occurredAt) },
              {
                key: 'recorded',
                label: t('records.recorded'),
                children: `${formatDateTime(record.recordedAt)}${record.recordedByName ? ` · ${record.recordedByName}` : ''} (${label(PROVENANCE_LABELS[record.provenance])})`,
              },
              {
                key: 'reviewed',
                label: t('records.reviewed'),
                children: record.reviewedAt
                  ? `${formatDateTime(record.reviewedAt)}${record.reviewedByName ? ` · ${record.reviewedByName}` : ''}`
                  : '—',
              },
              ...(record.url
                ? [
                    {
                      key: 'url',
                      label: t('record.url'),
                      children: (
                        <Typography.Link
                          href={record.url}
                          target="_blank"
                          rel="noreferrer"
                          style={{ wordBreak: 'break-all' }}
                        >
                          {record.url}
                        </Typography.Link>
                      ),
                    },
                  ]
                : []),
              ...(record.durationSeconds
                ? [
                    {
                      key: 'duration',
                      label: t('record.duration'),
                      children: String(Math.round(record.durationSeconds / 60)),
                    },
                  ]
                : []),
              ...(record.source
                ? [
                    {
                      key: 'source',
                      label: t('record.source'),
                      children: label(BROADCAST_SOURCE_LABELS[record.source]),
                    },
                  ]
                : []),
              {
                key: 'genre',
                label: t('record.genre'),
                children: record.genre ? label(GENRE_LABELS[record.genre]) : '—',
              },
              {
                key: 'topics',
                label: t('record.topics'),
                children: record.topics.map(topicName).join('; ') || '—',
              },
              { key: 'language', label: t('record.language'), children: languageName(record.language) },
              ...(record.author
                ? [{ key: 'author', label: t('recordActions.author'), children: record.author }]
                : []),
            ]}
          />
          <TranslationLinks record={record} languageName={languageName} onOpen={props.onOpen} />
          {record.snapshotId ? <SnapshotPanel snapshotId={record.snapshotId} /> : null}
          <RecordEvidenceSection activityId={record.id} canLink={record.actions.includes('update')} />
          {record.actions.includes('delete') && !record.deletedAt ? (
            <Button danger onClick={() => setDeleting(true)}>
              {t('records.delete')}
            </Button>
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={isDeleting}
        title={t('records.deleteTitle')}
        okText={t('records.delete')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: remove.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => setDeleting(false)}
        onOk={() => {
          if (!props.activityId) return;
          remove.mutate(
            { activityId: props.activityId, reason: reason.trim() },
            {
              onSuccess: () => {
                setDeleting(false);
                setReason('');
                void message.success(t('records.deletedMessage'));
                props.onClose();
              },
              onError: (error) => void message.error(errorText(error)),
            },
          );
        }}
      >
        <Input.TextArea
          aria-label={t('records.deleteReason')}
          placeholder={t('records.deleteReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 2 }}
          maxLength={1000}
        />
      </Modal>
    </Drawer>
  );
}
