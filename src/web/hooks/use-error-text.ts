import { isApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { ENGLISH_ERROR_MESSAGES } from '../i18n/labels';

/** The text to show for a failure: the server's Vietnamese message, or its code's English wording. */
export function useErrorText(): (error: unknown) => string {
  const { language, t } = useI18n();
  return (error) => {
    if (isApiError(error)) {
      if (language === 'en') return ENGLISH_ERROR_MESSAGES[error.code] ?? error.message;
      return error.message;
    }
    return t('error.title');
  };
}
