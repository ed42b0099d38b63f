import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReminderListDto,
  ReminderListQuery,
  ReminderSettingsDto,
  UrgeBody,
  UrgeResultDto,
} from '../../shared/api/reminders';
import { apiRequest, buildUrl } from './client';
import type { Json } from './types';

export type ReminderList = Json<ReminderListDto>;
export type ReminderItem = ReminderList['items'][number];
export type UrgeResult = Json<UrgeResultDto>;
export type ReminderSettings = Json<ReminderSettingsDto>;
export type ReminderFilter = Partial<Omit<ReminderListQuery, 'limit' | 'offset'>>;

const KEY = 'reminders';

export function useReminders(filter: ReminderFilter & { limit: number; offset: number }) {
  return useQuery({
    queryKey: [KEY, 'list', filter],
    queryFn: ({ signal }) => apiRequest<ReminderList>('/api/reminders', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function reminderExportUrl(filter: ReminderFilter): string {
  return buildUrl('/api/reminders/export.xlsx', { ...filter });
}

export function useUrgeUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UrgeBody) => apiRequest<UrgeResult>('/api/reminders/urge', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useReminderSettings(unitId: string | null) {
  return useQuery({
    queryKey: [KEY, 'settings', unitId],
    queryFn: ({ signal }) =>
      apiRequest<ReminderSettings>(`/api/units/${unitId}/reminder-settings`, { signal }),
    enabled: unitId !== null,
  });
}

export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { unitId: string; weeklyBroadcastReminders: boolean }) =>
      apiRequest<ReminderSettings>(`/api/units/${input.unitId}/reminder-settings`, {
        method: 'PUT',
        body: { weeklyBroadcastReminders: input.weeklyBroadcastReminders },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'settings'] }),
  });
}
