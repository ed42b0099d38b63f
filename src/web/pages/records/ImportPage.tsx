import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Segmented, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ActivityFileKind } from '../../../shared/api/activity-files';
import {
  type ImportResult,
  importJobError,
  isQueuedImport,
  templateUrl,
  useImportActivities,
  useImportJob,
} from '../../api/activities';
import { isApiError } from '../../api/client';
import { ImportRowErrors, ImportRowNotes } from '../../components/ImportRowErrors';
import { RecordUnitField } from '../../components/RecordUnitField';
import { useRecordScope } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportHistory } from './ImportHistory';

/**
 * Spreadsheet import: the template of the chosen kind, a file, and either every bad row (nothing is
 * stored) or what was stored. Each row names its unit; a user over several units may first choose
 * one, and the template's lists (units, channels) then hold only that unit and the units below it.
 * A large file (IMPORT_INLINE_ROW_LIMIT rows on the server) is imported in the background: the page
 * says so, asks about the job every two seconds, and then shows the result or the bad rows the same
 * way as for a small file.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ActivityFileKind>('post');
  const [file, setFile] = useState<File | null>(null);
  const scope = useRecordScope();
  const [unitId, setUnitId] = useState<string | null>(null);
  const upload = useImportActivities();
  const [inlineResult, setInlineResult] = useState<ImportResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const { modal } = App.useApp();
  const jobRunning = Boolean(jobId) && job.data?.status !== 'done' && job.data?.status !== 'failed';
  const result = inlineResult ?? (job.data?.status === 'done' ? job.data.result : null);
  // A failed background import reads like a failed upload: the bad rows, or the server's message.
  const failure = upload.error ?? importJobError(job.data) ?? (jobId ? job.error : null);

  const clear = () => {
    upload.reset();
    setInlineResult(null);
    setJobId(null);
  };

  /** The same file was imported before: the server's message is the question to ask. */
  const askReimport = (error: unknown): boolean => {
    const question = isApiError(error, 'CONFLICT')
      ? error.details.find((detail) => detail.field === 'confirmReimport')
      : undefined;
    if (!question) return false;
    modal.confirm({
      title: t('importBatches.reimportTitle'),
      content: (
        <>
          <Typography.Paragraph>{question.message}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('importBatches.reimportHint')}</Typography.Paragraph>
        </>
      ),
      okText: t('importBatches.reimportOk'),
      cancelText: t('common.cancel'),
      onOk: () => start(true),
    });
    return true;
  };

  const start = (confirmReimport = false) => {
    if (!file) return;
    clear();
    upload.mutate(
      { kind, file, unitId: unitId ?? undefined, confirmReimport },
      {
        onSuccess: (answer) => (isQueuedImport(answer) ? setJobId(answer.jobId) : setInlineResult(answer)),
        onError: (error) => {
          if (askReimport(error)) upload.reset();
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <Card size="small" style={{ maxWidth: 900, marginInline: 'auto', width: '100%' }}>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          {t('import.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          {scope.isSingleUnit ? null : (
            <Form.Item label={t('record.unit')} extra={t('scheduleEdit.importUnitHint')}>
              <RecordUnitField
                scope={scope}
                value={unitId}
                onChange={setUnitId}
                allowClear
                placeholder={t('scheduleEdit.importAnyUnit')}
                aria-label={t('record.unit')}
              />
            </Form.Item>
          )}
          <Form.Item label={t('import.kind')}>
            <Space wrap>
              <Segmented<ActivityFileKind>
                value={kind}
                onChange={(next) => {
                  setKind(next);
                  clear();
                }}
                options={[
                  { value: 'post', label: t('record.kindPost') },
                  { value: 'broadcast', label: t('record.kindBroadcast') },
                ]}
              />
              <Button icon={<DownloadOutlined />} href={templateUrl(kind, unitId ?? undefined)} download>
                {t('import.template')}
              </Button>
            </Space>
          </Form.Item>
          <Form.Item label={t('import.file')}>
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                clear();
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('import.choose')}</Button>
            </Upload>
          </Form.Item>
          <Button
            type="primary"
            block
            disabled={!file}
            loading={upload.isPending || jobRunning}
            onClick={() => start()}
          >
            {t('import.upload')}
          </Button>
        </Form>

        {jobRunning ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            icon={<Spin size="small" />}
            role="status"
            title={t('import.running', { fileName: job.data?.fileName ?? file?.name ?? '' })}
            description={t('import.runningHint')}
          />
        ) : null}

        <ImportRowErrors error={failure} title={t('import.failed')} />

        {result ? (
          <Alert
            style={{ marginTop: 16 }}
            type={result.created > 0 ? 'success' : 'info'}
            showIcon
            role="status"
            title={
              result.created > 0
                ? t('import.done', { created: result.created, rows: result.rows })
                : t('importBatches.nothingNew', { rows: result.rows })
            }
            description={
              result.skipped.length || result.flaggedDuplicates.length ? (
                <>
                  <ImportRowNotes
                    heading={t('importBatches.skipped', { count: result.skipped.length })}
                    rows={result.skipped}
                    tag={t('importBatches.skippedTag')}
                  />
                  <ImportRowNotes
                    heading={t('import.flagged', { count: result.flaggedDuplicates.length })}
                    rows={result.flaggedDuplicates}
                  />
                </>
              ) : undefined
            }
          />
        ) : null}
      </Card>
      <ImportHistory unitId={unitId ?? undefined} />
    </Space>
  );
}
