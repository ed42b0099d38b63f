import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeCountsDto, HomeDto } from '../../shared/api/home';
import { useI18n } from '../i18n/I18nProvider';
import { apiRequest } from './client';
import { HOME_KEY } from './query-keys';
import type { Json } from './types';

export type Home = Json<HomeDto>;
export type HomeBlock = Home['blocks'][number];
export type HomeCounts = Json<HomeCountsDto>;

/** The role home; the scoring gaps come in the UI's language. Fresh again when the window regains focus. */
export function useHome() {
  const { language } = useI18n();
  return useQuery({
    queryKey: [HOME_KEY, 'blocks', language],
    queryFn: ({ signal }) => apiRequest<Home>('/api/home', { query: { lang: language }, signal }),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

/** The menu's badges: asked again when the window regains focus, and at most once a minute. */
export function useHomeCounts(isEnabled = true) {
  return useQuery({
    queryKey: [HOME_KEY, 'counts'],
    queryFn: ({ signal }) => apiRequest<HomeCounts>('/api/home/counts', { signal }),
    enabled: isEnabled,
    staleTime: 60_000,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export interface UrgeInput {
  periodId?: string;
  unitIds: string[];
  message?: string;
}

/** What the reminders endpoint answers; only the counts are read here. */
export interface UrgeResult {
  notified?: number;
  [key: string]: unknown;
}

/** The most units one urge may name (the reminders endpoint's limit). */
export const URGE_MAX_UNITS = 500;

/**
 * "Đôn đốc": tells the selected units (their officers and heads) in the app and by e-mail, through
 * the reminders endpoint, which stores every notification so the office can prove it urged them.
 */
export function useUrgeUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UrgeInput) =>
      apiRequest<UrgeResult>('/api/reminders/urge', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [HOME_KEY] }),
  });
}
