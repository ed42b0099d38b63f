import { Alert, Button } from 'antd';
import type { ErrorDetail } from '../../shared/errors';
import { isApiError } from '../api/client';
import { useErrorText } from '../hooks/use-error-text';
import { useI18n } from '../i18n/I18nProvider';

function describe(detail: ErrorDetail): string {
  const where = [
    detail.row === undefined ? null : `#${detail.row}`,
    detail.column ?? detail.field?.replace(/^body\./, ''),
  ]
    .filter(Boolean)
    .join(' ');
  return where ? `${where}: ${detail.message}` : detail.message;
}

/** A failed request: the message, then the details not already shown beside form fields. */
export function ErrorAlert(props: {
  error: unknown;
  details?: ErrorDetail[];
  title?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (!props.error) return null;
  const details = props.details ?? (isApiError(props.error) ? props.error.details : []);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={props.title ?? errorText(props.error)}
      description={
        props.title || details.length ? (
          <>
            {props.title ? <div>{errorText(props.error)}</div> : null}
            {details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {details.map((detail, index) => (
                  // Details have no identity of their own; their order is the server's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={index}>{describe(detail)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
      action={
        props.onRetry ? (
          <Button size="small" onClick={props.onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The banner above a form: nothing when every detail of the failure already sits beside its
 * field; otherwise the message and the details that matched no field.
 */
export function FormErrorAlert({ error, unplaced }: { error: unknown; unplaced: ErrorDetail[] }) {
  if (!error) return null;
  if (isApiError(error) && error.details.length > 0 && unplaced.length === 0) return null;
  return <ErrorAlert error={error} details={unplaced} />;
}
