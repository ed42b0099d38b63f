import { UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type ImportBatch, useImportBatches, useUndoImportBatch } from '../../api/import-batches';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

const PAGE_SIZE = 10;

/**
 * "Lịch sử nhập": the imports of the units the user sees, newest first, with what each stored and
 * skipped, and "Hoàn tác" where the server allows it (within 30 days, for those who may record).
 */
export function ImportHistory(props: { unitId?: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const batches = useImportBatches(props.unitId, page, PAGE_SIZE);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);

  return (
    <Card
      size="small"
      title={t('importBatches.history')}
      style={{ maxWidth: 900, marginInline: 'auto', width: '100%' }}
    >
      {batches.error ? <ErrorAlert error={batches.error} onRetry={() => void batches.refetch()} /> : null}
      <List<ImportBatch>
        loading={batches.isFetching}
        dataSource={batches.data?.items ?? []}
        locale={{ emptyText: t('importBatches.historyEmpty') }}
        pagination={
          (batches.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: batches.data?.total,
                onChange: setPage,
                simple: true,
              }
            : false
        }
        renderItem={(batch) => (
          <List.Item
            aria-label={batch.fileName}
            actions={
              batch.actions.includes('undo')
                ? [
                    <Button
                      key="undo"
                      size="small"
                      danger
                      icon={<UndoOutlined />}
                      onClick={() => setUndoing(batch)}
                    >
                      {t('importBatches.undo')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span style={{ overflowWrap: 'anywhere' }}>{batch.fileName}</span>
                  {batch.undoneAt ? <Tag color="red">{t('importBatches.undone')}</Tag> : null}
                </Space>
              }
              description={
                <>
                  <div>
                    {t('importBatches.by', {
                      at: formatDateTime(batch.createdAt),
                      name: batch.createdByName ?? 'cli',
                    })}
                    {batch.unitName ? ` · ${batch.unitName}` : ''}
                  </div>
                  <div>
                    {t('importBatches.counts', {
                      stored: batch.storedCount,
                      skipped: batch.skippedCount,
                      flagged: batch.flaggedCount,
                      live: batch.liveCount,
                    })}
                  </div>
                  {batch.undoneAt ? (
                    <div>
                      {t('importBatches.undoneAt', {
                        at: formatDateTime(batch.undoneAt),
                        name: batch.undoneByName ?? 'cli',
                        reason: batch.undoReason ?? '',
                      })}
                    </div>
                  ) : batch.actions.includes('undo') ? (
                    <Typography.Text type="secondary">
                      {t('importBatches.undoUntil', { until: formatDateTime(batch.undoUntil) })}
                    </Typography.Text>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      <UndoBatchModal batch={undoing} onClose={() => setUndoing(null)} />
    </Card>
  );
}

/** Asks for the reason, then undoes the whole batch. */
function UndoBatchModal(props: { batch: ImportBatch | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const undo = useUndoImportBatch();
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    undo.reset();
    props.onClose();
  };
  const batch = props.batch;
  return (
    <Modal
      open={batch !== null}
      title={t('importBatches.undoTitle')}
      okText={t('importBatches.undoOk')}
      okButtonProps={{ danger: true, loading: undo.isPending }}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => {
        if (!batch) return;
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        undo.mutate(
          { batchId: batch.id, reason: reason.trim() },
          {
            onSuccess: () => {
              void message.success(t('importBatches.undoneMessage', { count: batch.liveCount }));
              close();
            },
          },
        );
      }}
    >
      {batch ? (
        <>
          <Typography.Paragraph strong style={{ overflowWrap: 'anywhere' }}>
            {batch.fileName}
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('importBatches.undoHint', { count: batch.liveCount, until: formatDateTime(batch.undoUntil) })}
          </Typography.Paragraph>
        </>
      ) : null}
      {undo.error ? <ErrorAlert error={undo.error} /> : null}
      <Form layout="vertical">
        <Form.Item
          label={t('importBatches.undoReason')}
          required
          validateStatus={isMissing ? 'error' : undefined}
          help={isMissing ? t('importBatches.undoReasonRequired') : undefined}
        >
          <Input.TextArea
            aria-label={t('importBatches.undoReason')}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            autoSize={{ minRows: 2 }}
            maxLength={1000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
