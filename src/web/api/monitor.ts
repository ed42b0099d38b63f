import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckDto,
  CheckNowBody,
  DecideBody,
  ItemListQuery,
  MonitorItemDto,
  MonitorSettingsBody,
  MonitorSettingsDto,
  OverridesTestDto,
  SiteOverridesBody,
  SiteOverridesDto,
  UnitMonitorDto,
} from '../../shared/api/monitor';
import { apiRequest, buildUrl } from './client';
import type { Json } from './types';

export type UnitMonitor = Json<UnitMonitorDto>;
export type MonitorCheck = Json<CheckDto>;
export type MonitorItem = Json<MonitorItemDto>;
export type MonitorSettings = Json<MonitorSettingsDto>;
export type SiteOverrides = Json<SiteOverridesDto>;
export type OverridesTest = Json<OverridesTestDto>;

const KEY = 'monitor';
const isRunning = (check: MonitorCheck | undefined) =>
  check?.status === 'queued' || check?.status === 'running';

export function useUnitMonitor(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'unit', unitId ?? null],
    queryFn: ({ signal }) => apiRequest<UnitMonitor>(`/api/units/${unitId}/monitor`, { signal }),
    enabled: Boolean(unitId),
  });
}

/** One check, polled every second while it waits or runs ("Kiểm tra ngay" shows its progress live). */
export function useMonitorCheck(checkId: string) {
  return useQuery({
    queryKey: [KEY, 'check', checkId],
    queryFn: ({ signal }) => apiRequest<MonitorCheck>(`/api/monitor/checks/${checkId}`, { signal }),
    refetchInterval: (query) => (isRunning(query.state.data) || !query.state.data ? 1000 : false),
  });
}

export function useCheckNow(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CheckNowBody>) =>
      apiRequest<{ checks: MonitorCheck[] }>(`/api/units/${unitId}/monitor/checks`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'unit', unitId] }),
  });
}

export function useMonitorItems(
  filter: Partial<Omit<ItemListQuery, 'limit' | 'offset'>> & { limit: number; offset: number },
) {
  return useQuery({
    queryKey: [KEY, 'items', filter],
    queryFn: ({ signal }) =>
      apiRequest<{ items: MonitorItem[]; total: number }>('/api/monitor/items', {
        query: { ...filter },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { itemId: string; body: DecideBody }) =>
      apiRequest<MonitorItem>(`/api/monitor/items/${input.itemId}/decision`, {
        method: 'POST',
        body: input.body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function decisionsExportUrl(unitId: string | undefined): string {
  return buildUrl('/api/monitor/decisions.jsonl', { unitId });
}

export function useMonitorSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'settings', unitId ?? null],
    queryFn: ({ signal }) => apiRequest<MonitorSettings>(`/api/units/${unitId}/monitor-settings`, { signal }),
    enabled: Boolean(unitId),
  });
}

export function useUpdateMonitorSettings(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitorSettingsBody) =>
      apiRequest<MonitorSettings>(`/api/units/${unitId}/monitor-settings`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useSiteOverrides(columnId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'overrides', columnId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<SiteOverrides>(`/api/monitor/columns/${columnId}/overrides`, { signal }),
    enabled: Boolean(columnId),
  });
}

export function useSaveSiteOverrides(columnId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteOverridesBody) =>
      apiRequest<SiteOverrides>(`/api/monitor/columns/${columnId}/overrides`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useTestSiteOverrides(columnId: string) {
  return useMutation({
    mutationFn: (body: SiteOverridesBody) =>
      apiRequest<OverridesTest>(`/api/monitor/columns/${columnId}/overrides/test`, { method: 'POST', body }),
  });
}
