import { useVocabulary } from '../../api/activities';
import { useI18n } from '../../i18n/I18nProvider';

export interface VocabularyNames {
  topicName: (code: string) => string;
  /** The language's name; `fallback` (else the code) when the vocabulary does not (yet) know it. */
  languageName: (code: string, fallback?: string) => string;
  topicOptions: Array<{ value: string; label: string }>;
  languageOptions: Array<{ value: string; label: string }>;
}

/** The province's topics and languages of a unit, by code, in the UI's language. */
export function useVocabularyNames(unitId: string | undefined): VocabularyNames {
  const { language } = useI18n();
  const vocabulary = useVocabulary(unitId).data;
  const nameOf = (item: { name: string; nameEn: string | null }) =>
    language === 'en' ? (item.nameEn ?? item.name) : item.name;
  const topics = new Map((vocabulary?.topics ?? []).map((topic) => [topic.code, nameOf(topic)]));
  const languages = new Map((vocabulary?.languages ?? []).map((item) => [item.code, nameOf(item)]));
  return {
    topicName: (code) => topics.get(code) ?? code,
    languageName: (code, fallback) => languages.get(code) ?? fallback ?? code,
    topicOptions: (vocabulary?.topics ?? [])
      .filter((topic) => topic.isActive)
      .map((topic) => ({ value: topic.code, label: nameOf(topic) })),
    languageOptions: (vocabulary?.languages ?? [])
      .filter((item) => item.isActive)
      .map((item) => ({ value: item.code, label: nameOf(item) })),
  };
}
