import { SoundOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider';

/** The name and mark, linking home. */
export function Brand() {
  const { t } = useI18n();
  return (
    <Link
      to="/"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 8,
        color: 'inherit',
        fontWeight: 600,
        fontSize: 18,
      }}
    >
      <SoundOutlined style={{ color: '#c62828', fontSize: 22 }} aria-hidden />
      <span>{t('app.name')}</span>
    </Link>
  );
}
