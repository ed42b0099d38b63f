import { Alert, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { FrameworkImportResult, FrameworkIssue, FrameworkValidation } from '../../api/frameworks';
import { importIssuesOf } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { FrameworkSummary } from './FrameworkSummary';
import { IssueList } from './IssueList';

/** Warnings never stop an import, so they stand apart from the errors. */
function Warnings({ warnings }: { warnings: readonly FrameworkIssue[] }) {
  const { t } = useI18n();
  if (!warnings.length) return null;
  const title = t('frameworks.tools.warnings', { count: warnings.length });
  return (
    <div>
      <Alert type="warning" showIcon title={title} />
      <IssueList issues={warnings} label={title} />
    </div>
  );
}

/** The answer of "Kiểm tra tệp": every error, or the file's summary and what importing would do. */
export function ValidationResult(props: { result: FrameworkValidation; fileName: string }) {
  const { t } = useI18n();
  const { result, fileName } = props;
  const check = result.importCheck;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {result.valid ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('frameworks.tools.valid', { file: fileName, format: result.format.toUpperCase() })}
        />
      ) : (
        <div>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('frameworks.tools.invalid', { file: fileName, count: result.errors.length })}
          />
          <IssueList issues={result.errors} label={t('frameworks.issue.message')} />
        </div>
      )}
      {check ? (
        <Alert type={check.status === 'rejected' ? 'error' : 'info'} showIcon title={check.message} />
      ) : null}
      {result.framework ? <FrameworkSummary header={result.framework} /> : null}
      <Warnings warnings={result.warnings} />
    </Space>
  );
}

/** The answer of "Nhập bộ chỉ số": the new version (or the one already stored) and any warnings. */
export function ImportResult({ result }: { result: FrameworkImportResult }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Alert
        type={result.status === 'created' ? 'success' : 'info'}
        showIcon
        role="status"
        title={result.message}
        description={
          <Link to={`/frameworks/${result.framework.id}`}>{t('frameworks.tools.openImported')}</Link>
        }
      />
      <Warnings warnings={result.warnings} />
    </Space>
  );
}

/**
 * A refused import: a file with errors lists each at its line (nothing stored); a version conflict,
 * a missing permission or anything else shows the server's message.
 */
export function ImportFailure({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const issues = importIssuesOf(error);
  if (!issues?.length) return <ErrorAlert error={error} />;
  return (
    <div>
      <Alert type="error" showIcon role="alert" title={errorText(error)} />
      <IssueList issues={issues} label={errorText(error)} />
    </div>
  );
}
