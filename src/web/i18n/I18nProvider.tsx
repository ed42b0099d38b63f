import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Label } from './labels';
import { en } from './messages-en';
import { type MessageKey, vi } from './messages-vi';

export type Language = 'vi' | 'en';

const STORAGE_KEY = 'loaso.language';
const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The message in the current language, with {name} placeholders filled. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** The current language's side of a {vi, en} label (roles, unit kinds, events). */
  label: (value: Label | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be unavailable (private mode, policies): Vietnamese, the default.
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // dayjs holds its locale globally; set it before the first render so pickers start in the right language.
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = storedLanguage();
    dayjs.locale(initial);
    return initial;
  });

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    dayjs.locale(next);
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[language];
    return {
      language,
      setLanguage,
      t: (key, params) => {
        const text = messages[key];
        if (!params) return text;
        return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        );
      },
      label: (value, fallback = '') => (value ? value[language] : fallback),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
