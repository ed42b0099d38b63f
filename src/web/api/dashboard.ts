import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardTable, ProvinceDashboardDto, UnitDashboardDto } from '../../shared/api/dashboard';
import { useI18n } from '../i18n/I18nProvider';
import { apiRequest, buildUrl } from './client';
import type { Json } from './types';

export type ProvinceDashboard = Json<ProvinceDashboardDto>;
export type UnitDashboard = Json<UnitDashboardDto>;

export interface ProvinceDashboardFilter {
  unitId?: string;
  year?: number;
}

/** Dashboards are computed from the records at each request, like the scores: never served stale. */
const LIVE = { staleTime: 0, refetchOnMount: 'always' } as const;

export function useProvinceDashboard(filter: ProvinceDashboardFilter) {
  const { language } = useI18n();
  return useQuery({
    queryKey: ['dashboard', 'province', filter, language],
    queryFn: ({ signal }) =>
      apiRequest<ProvinceDashboard>('/api/dashboard/province', {
        query: { ...filter, lang: language },
        signal,
      }),
    placeholderData: keepPreviousData,
    ...LIVE,
  });
}

export function useUnitDashboard(unitId: string, filter: { year?: number }) {
  const { language } = useI18n();
  return useQuery({
    queryKey: ['dashboard', 'unit', unitId, filter, language],
    queryFn: ({ signal }) =>
      apiRequest<UnitDashboard>(`/api/units/${unitId}/dashboard`, {
        query: { ...filter, lang: language },
        signal,
      }),
    placeholderData: keepPreviousData,
    ...LIVE,
  });
}

/** Where the browser downloads one table of the province board. */
export function dashboardExportUrl(filter: ProvinceDashboardFilter, table: DashboardTable): string {
  return buildUrl('/api/dashboard/province/export.xlsx', { ...filter, table });
}

/** Where the browser downloads the scoreboard or the ranking shown (same choices as the page). */
export function boardExportUrl(
  board: 'scoreboard' | 'rankings',
  filter: Record<string, string | undefined>,
): string {
  return buildUrl(`/api/${board}/export.xlsx`, filter);
}
