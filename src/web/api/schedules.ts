import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LibraryItemDetailDto, LibraryItemDto } from '../../shared/api/library';
import type {
  MarkAiredResultDto,
  ReconciliationDto,
  ScheduleDto,
  ScheduleHeaderInput,
  ScheduleSummaryDto,
  scheduleCreateBody,
  scheduleEntryInput,
  scheduleEntryUpdate,
} from '../../shared/api/schedules';
import { apiRequest, isApiError } from './client';
import { ACTIVITIES_KEY, SCHEDULES_KEY } from './query-keys';
import type { ItemList, Json } from './types';

export type Schedule = Json<ScheduleDto>;
export type ScheduleSummary = Json<ScheduleSummaryDto>;
export type ScheduleEntry = Schedule['entries'][number];
export type Reconciliation = Json<ReconciliationDto>;
export type ScheduleCreateInput = z.input<typeof scheduleCreateBody>;
export type ScheduleEntryInput = z.input<typeof scheduleEntryInput>;
export type ScheduleEntryUpdate = z.input<typeof scheduleEntryUpdate>;
export type LibraryChoice = Json<LibraryItemDto>;

/** The library area's cache key: its hooks invalidate it when an item is published or changed. */
const LIBRARY_KEY = 'library';

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

/**
 * Every change answers with the whole schedule, which replaces the cached one. A conflict on a known
 * schedule means it was issued meanwhile: it is fetched again, so the page shows it locked.
 */
function useScheduleChange<Input>(request: (input: Input) => Promise<Schedule>, scheduleId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (schedule) => {
      queryClient.setQueryData([SCHEDULES_KEY, 'detail', schedule.id], schedule);
      void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY, 'reconciliation', schedule.id] });
    },
    onError: (error) => {
      if (scheduleId && isApiError(error, 'CONFLICT'))
        void queryClient.invalidateQueries({ queryKey: [SCHEDULES_KEY, 'detail', scheduleId] });
    },
  });
}

export function useCreateSchedule(unitId: string | undefined) {
  return useScheduleChange((body: ScheduleCreateInput) =>
    apiRequest<Schedule>(`/api/units/${unitId}/schedules`, { method: 'POST', body }),
  );
}

export function useAddEntry(scheduleId: string) {
  return useScheduleChange(
    (body: ScheduleEntryInput) =>
      apiRequest<Schedule>(`/api/schedules/${scheduleId}/entries`, { method: 'POST', body }),
    scheduleId,
  );
}

/** Edits one entry of a draft; answers with the whole schedule like every other change. */
export function useUpdateEntry(scheduleId: string) {
  return useScheduleChange(
    (input: { entryId: string; body: ScheduleEntryUpdate }) =>
      apiRequest<Schedule>(`/api/schedule-entries/${input.entryId}`, { method: 'PATCH', body: input.body }),
    scheduleId,
  );
}

/**
 * Published library items the schedule's unit may air (its own and those of the units above it),
 * found by title as the user types.
 */
export function useLibraryChoices(unitId: string, text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: [LIBRARY_KEY, 'choices', unitId, q],
    queryFn: ({ signal }) =>
      apiRequest<{ items: LibraryChoice[]; total: number }>('/api/library', {
        query: { unitId, q: q || undefined, draft: false, limit: 20 },
        signal,
      }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** One library item, to name the one an entry already uses when the first page does not hold it. */
export function useLibraryChoice(itemId: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [LIBRARY_KEY, 'detail', itemId ?? null],
    queryFn: ({ signal }) => apiRequest<Json<LibraryItemDetailDto>>(`/api/library/${itemId}`, { signal }),
    enabled: enabled && Boolean(itemId),
  });
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
