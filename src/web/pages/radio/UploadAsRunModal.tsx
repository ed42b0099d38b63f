import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type AsRunUploadResult, type RadioStation, useUploadAsRun } from '../../api/radio';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

interface BadRow {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

/** A station's as-run file: every bad row listed (nothing stored), or what was stored and skipped. */
export function UploadAsRunModal(props: { station: RadioStation | null; onClose: () => void }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AsRunUploadResult | null>(null);
  const upload = useUploadAsRun();
  const { station } = props;
  if (!station) return null;

  const handleClose = () => {
    setFile(null);
    setResult(null);
    upload.reset();
    props.onClose();
  };
  const handleSend = () => {
    if (!file) return;
    setResult(null);
    upload.mutate({ stationId: station.id, file }, { onSuccess: setResult });
  };

  const error = upload.error;
  const badRows: BadRow[] | null =
    isApiError(error, 'VALIDATION_FAILED') && error.details.some((detail) => detail.row !== undefined)
      ? error.details.map((detail, index) => ({
          key: index,
          row: detail.row ?? null,
          column: detail.column ?? detail.field ?? '',
          message: detail.message,
        }))
      : null;

  return (
    <Modal
      open
      title={t('radio.uploadTitle', { code: station.code })}
      onCancel={handleClose}
      footer={<Button onClick={handleClose}>{t('radio.close')}</Button>}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t('radio.uploadHint')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setResult(null);
          upload.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
      >
        <Button icon={<UploadOutlined />}>{t('radio.choose')}</Button>
      </Upload>
      <Button
        type="primary"
        block
        style={{ marginTop: 12 }}
        disabled={!file}
        loading={upload.isPending}
        onClick={handleSend}
      >
        {t('radio.send')}
      </Button>

      {badRows ? (
        <div style={{ marginTop: 16 }}>
          <Alert type="error" showIcon role="alert" title={t('radio.uploadFailed')} />
          {isDesktop ? (
            <Table<BadRow>
              size="small"
              style={{ marginTop: 12 }}
              rowKey="key"
              dataSource={badRows}
              pagination={badRows.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: t('radio.row'), dataIndex: 'row', width: 64 },
                { title: t('radio.column'), dataIndex: 'column', width: 150 },
                { title: t('radio.message'), dataIndex: 'message' },
              ]}
            />
          ) : (
            <List
              size="small"
              style={{ marginTop: 12 }}
              dataSource={badRows}
              renderItem={(bad) => (
                <List.Item key={bad.key}>
                  <div>
                    <Typography.Text strong>
                      {t('radio.row')} {bad.row} · {bad.column}
                    </Typography.Text>
                    <div>{bad.message}</div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      ) : error ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={error} />
        </div>
      ) : null}

      {result ? (
        <Alert
          style={{ marginTop: 16 }}
          type={result.created > 0 ? 'success' : 'info'}
          showIcon
          role="status"
          title={
            result.created > 0
              ? t('radio.uploadDone', { created: result.created, rows: result.rows })
              : t('radio.uploadNothing', { rows: result.rows })
          }
          description={
            result.duplicates.length || result.flaggedDuplicates.length ? (
              <>
                {result.duplicates.length ? (
                  <div>{t('radio.duplicates', { count: result.duplicates.length })}</div>
                ) : null}
                {result.flaggedDuplicates.length ? (
                  <>
                    <div>{t('radio.flagged', { count: result.flaggedDuplicates.length })}</div>
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {result.flaggedDuplicates.map((flagged) => (
                        <li key={flagged.row}>
                          {t('radio.row')} {flagged.row}: {flagged.message}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : undefined
          }
        />
      ) : null}
    </Modal>
  );
}
