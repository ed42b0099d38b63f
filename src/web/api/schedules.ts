import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MarkAiredResultDto,
  ReconciliationDto,
  ScheduleDto,
  ScheduleHeaderInput,
  ScheduleSummaryDto,
  scheduleCreateBody,
  scheduleEntryInput,
} from '../../shared/api/schedules';
import { apiRequest } from './client';
import { ACTIVITIES_KEY, SCHEDULES_KEY } from './query-keys';
import type { ItemList, Json } from './types';

export type Schedule = Json<ScheduleDto>;
export type ScheduleSummary = Json<ScheduleSummaryDto>;
export type ScheduleEntry = Schedule['entries'][number];
export type Reconciliation = Json<ReconciliationDto>;
export type ScheduleCreateInput = z.input<typeof scheduleCreateBody>;
export type ScheduleEntryInput = z.input<typeof scheduleEntryInput>;

export function useSchedules(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: [SCHEDULES_KEY, 'list', unitId ?? null, year],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<ScheduleSummary>>(`/api/units/${unitId}/schedules`, { query: { year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useSchedule(scheduleId: string) {
  return useQuery({
    queryKey: [SCHEDULES_KEY, 'detail', scheduleId],
    queryFn: ({ signal }) => apiRequest<Schedule>(`/api/schedules/${scheduleId}`, { signal }),
  });
}

export function useReconciliation(scheduleId: string, enabled: boolean) {
  return useQuery({
    queryKey: [SCHEDULES_KEY, 'reconciliation', scheduleId],
    queryFn: ({ signal }) =>
      apiRequest<Reconciliation>(`/api/schedules/${scheduleId}/reconciliation`, { signal }),
    enabled,
  });
}

/** Every change answers with the whole schedule, which replaces the cached one. */
function useScheduleChange<Input>(request: (input: Input) => Promise<Schedule>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (schedule) => {
      queryClient.setQueryData([SCHEDULES_KEY, 'detail', schedule.id], schedule);
      void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY, 'reconciliation', schedule.id] });
    },
  });
}

export function useCreateSchedule(unitId: string | undefined) {
  return useScheduleChange((body: ScheduleCreateInput) =>
    apiRequest<Schedule>(`/api/units/${unitId}/schedules`, { method: 'POST', body }),
  );
}

export function useAddEntry(scheduleId: string) {
  return useScheduleChange((body: ScheduleEntryInput) =>
    apiRequest<Schedule>(`/api/schedules/${scheduleId}/entries`, { method: 'POST', body }),
  );
}

export function useDeleteEntry() {
  return useScheduleChange((entryId: string) =>
    apiRequest<Schedule>(`/api/schedule-entries/${entryId}`, { method: 'DELETE' }),
  );
}

export function useIssueSchedule(scheduleId: string) {
  return useScheduleChange((acknowledgeWarnings: boolean) =>
    apiRequest<Schedule>(`/api/schedules/${scheduleId}/issue`, {
      method: 'POST',
      body: { acknowledgeWarnings },
    }),
  );
}

export function useMarkAired(scheduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryIds: string[]) =>
      apiRequest<MarkAiredResultDto>(`/api/schedules/${scheduleId}/entries/mark-aired`, {
        method: 'POST',
        body: { entryIds },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY] });
      void queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}

export function scheduleDocumentUrl(scheduleId: string, format: 'docx' | 'xlsx'): string {
  return `/api/schedules/${scheduleId}/document.${format}`;
}

export function useUpdateScheduleHeader(scheduleId: string) {
  return useScheduleChange((body: ScheduleHeaderInput) =>
    apiRequest<Schedule>(`/api/schedules/${scheduleId}`, { method: 'PATCH', body }),
  );
}
