import { Segmented } from 'antd';
import { type Language, useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('common.language')}
      title={t('common.switchLanguage')}
      value={language}
      onChange={setLanguage}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
