import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type AsRunUploadResult, type RadioStation, useUploadAsRun } from '../../api/radio';
import { ImportRowErrors, ImportRowNotes } from '../../components/ImportRowErrors';
import { useI18n } from '../../i18n/I18nProvider';

/** A station's as-run file: every bad row listed (nothing stored), or what was stored and skipped. */
export function UploadAsRunModal(props: { station: RadioStation | null; onClose: () => void }) {
  const { t } = useI18n();
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

      <ImportRowErrors error={upload.error} title={t('radio.uploadFailed')} />

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
            result.duplicates.length || result.recreated.length || result.flaggedDuplicates.length ? (
              <>
                {result.duplicates.length ? (
                  <div>{t('radio.duplicates', { count: result.duplicates.length })}</div>
                ) : null}
                <ImportRowNotes
                  heading={t('radio.recreated', { count: result.recreated.length })}
                  rows={result.recreated}
                />
                <ImportRowNotes
                  heading={t('radio.flagged', { count: result.flaggedDuplicates.length })}
                  rows={result.flaggedDuplicates}
                />
              </>
            ) : undefined
          }
        />
      ) : null}
    </Modal>
  );
}
