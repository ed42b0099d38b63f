import { CheckCircleOutlined, DownloadOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useImportFramework, useValidateFramework } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportFailure, ImportResult, ValidationResult } from './FileResults';
import { downloadFrameworkSchema } from './file-actions';

const ACCEPT = '.yaml,.yml,.json';

/**
 * Checking and importing a framework file (DX offices and administrators): one file, then either a
 * check that stores nothing or an import. The answer of the last action shows below; choosing another
 * file clears it.
 */
export function FrameworkFileTools() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [lastAction, setLastAction] = useState<'validate' | 'import' | null>(null);
  const validate = useValidateFramework();
  const importer = useImportFramework();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setLastAction(null);
    validate.reset();
    importer.reset();
  };
  const run = (action: 'validate' | 'import') => {
    if (!file) return;
    setLastAction(action);
    if (action === 'validate') validate.mutate(file);
    else importer.mutate(file);
  };
  const downloadSchema = () => {
    downloadFrameworkSchema().catch(() => void message.error(t('error.title')));
  };

  return (
    <Card size="small" title={t('frameworks.tools.title')}>
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('frameworks.tools.hint')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          onClick={downloadSchema}
          style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
        >
          {t('frameworks.tools.schema')}
        </Button>
        <br />
        <Typography.Text type="secondary">{t('frameworks.tools.schemaHint')}</Typography.Text>
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('frameworks.tools.file')}>
          <Upload
            accept={ACCEPT}
            maxCount={1}
            beforeUpload={(chosen) => {
              choose(chosen);
              return false;
            }}
            onRemove={() => choose(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('frameworks.tools.choose')}</Button>
          </Upload>
        </Form.Item>
        <Space wrap>
          <Button
            icon={<CheckCircleOutlined />}
            disabled={!file}
            loading={validate.isPending}
            onClick={() => run('validate')}
          >
            {t('frameworks.tools.validate')}
          </Button>
          <Button
            type="primary"
            icon={<ImportOutlined />}
            disabled={!file}
            loading={importer.isPending}
            onClick={() => run('import')}
          >
            {t('frameworks.tools.import')}
          </Button>
        </Space>
      </Form>

      <div style={{ marginTop: 16 }} aria-live="polite">
        {lastAction === 'validate' && validate.data && file ? (
          <ValidationResult result={validate.data} fileName={file.name} />
        ) : null}
        {lastAction === 'validate' && validate.error ? <ErrorAlert error={validate.error} /> : null}
        {lastAction === 'import' && importer.data ? <ImportResult result={importer.data} /> : null}
        {lastAction === 'import' && importer.error ? <ImportFailure error={importer.error} /> : null}
      </div>
    </Card>
  );
}
