import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Shown instead of a blank screen when a page fails to render, most often because its code could
 * not be downloaded (connection lost, or a new release replaced the files): reloading fixes both.
 */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="warning"
      title={t('error.title')}
      subTitle={t('error.reloadHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}
