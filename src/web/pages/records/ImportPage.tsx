import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Segmented, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ActivityFileKind } from '../../../shared/api/activity-files';
import { type ImportResult, templateUrl, useImportActivities } from '../../api/activities';
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
 */
export function ImportPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ActivityFileKind>('post');
  const [file, setFile] = useState<File | null>(null);
  const scope = useRecordScope();
  const [unitId, setUnitId] = useState<string | null>(null);
  const upload = useImportActivities();
  const [result, setResult] = useState<ImportResult | null>(null);
  const { modal } = App.useApp();

  const start = (confirmReimport = false) => {
    if (!file) return;
    setResult(null);
    upload.mutate(
      { kind, file, unitId: unitId ?? undefined, confirmReimport },
      {
        onSuccess: setResult,
        onError: (failure) => {
          // The same file was imported before: the server's message is the question to ask.
          const question = isApiError(failure, 'CONFLICT')
            ? failure.details.find((detail) => detail.field === 'confirmReimport')
            : undefined;
          if (!question) return;
          upload.reset();
          modal.confirm({
            title: t('importBatches.reimportTitle'),
            content: (
              <>
                <Typography.Paragraph>{question.message}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {t('importBatches.reimportHint')}
                </Typography.Paragraph>
              </>
            ),
            okText: t('importBatches.reimportOk'),
            cancelText: t('common.cancel'),
            onOk: () => start(true),
          });
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
                  upload.reset();
                  setResult(null);
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
                upload.reset();
                setResult(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('import.choose')}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" block disabled={!file} loading={upload.isPending} onClick={() => start()}>
            {t('import.upload')}
          </Button>
        </Form>

        <ImportRowErrors error={upload.error} title={t('import.failed')} />

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
