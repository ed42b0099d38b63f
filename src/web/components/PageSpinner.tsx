import { Spin } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

export function PageSpinner() {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" aria-label={t('common.loading')} />
    </div>
  );
}
