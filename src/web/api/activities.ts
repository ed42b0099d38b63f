import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityDetailDto,
  ActivityDto,
  activityInput,
  activityListQuery,
  channelInput,
} from '../../shared/api/activities';
import type { ActivityFileKind, ActivityImportResultDto } from '../../shared/api/activity-files';
import type { CalendarDto } from '../../shared/api/calendar';
import type { ChannelListItemDto, channelListSchema } from '../../shared/api/channels';
import type { LinkedEvidenceDto } from '../../shared/api/evidence';
import type { VocabularyDto } from '../../shared/api/vocabulary';
import { apiRequest, apiUpload, buildUrl } from './client';
import { ACTIVITIES_KEY, CHANNELS_KEY } from './query-keys';
import type { ItemList, Json, Page } from './types';

export type Activity = Json<ActivityDto>;
export type ActivityDetail = Json<ActivityDetailDto>;
export type ActivityInput = z.input<typeof activityInput>;
export type Channel = Json<ChannelListItemDto>;
export type ChannelList = Json<z.infer<typeof channelListSchema>>;
export type Vocabulary = Json<VocabularyDto>;
export type ActivityFilter = Partial<z.input<typeof activityListQuery>>;
export type ImportResult = Json<ActivityImportResultDto>;

export function useChannels(unitId: string | undefined) {
  return useQuery({
    queryKey: [CHANNELS_KEY, unitId ?? null],
    queryFn: ({ signal }) => apiRequest<ChannelList>(`/api/units/${unitId}/channels`, { signal }),
    enabled: Boolean(unitId),
  });
}

export function useVocabulary(unitId: string | undefined) {
  return useQuery({
    queryKey: ['vocabulary', unitId ?? null],
    queryFn: ({ signal }) => apiRequest<Vocabulary>(`/api/units/${unitId}/vocabulary`, { signal }),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

export function useActivities(filter: ActivityFilter) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<Activity>>('/api/activities', {
        query: filter as Record<string, string | number | boolean | undefined>,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityInput) =>
      apiRequest<ActivityDetail>('/api/activities', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}

/** Where the browser downloads the empty import sheet of one kind. */
export function templateUrl(kind: ActivityFileKind, unitId?: string): string {
  return buildUrl('/api/activity-files/template.xlsx', { kind, unitId });
}

export function useImportActivities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ActivityFileKind; file: File }) =>
      apiUpload<ImportResult>('/api/activity-files/import', input.file, {
        kind: input.kind,
        fileName: input.file.name,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}

export function useActivity(activityId: string | null) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'detail', activityId],
    queryFn: ({ signal }) => apiRequest<ActivityDetail>(`/api/activities/${activityId}`, { signal }),
    enabled: Boolean(activityId),
  });
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { activityId: string; reason: string }) =>
      apiRequest<{ ok: true }>(`/api/activities/${input.activityId}`, {
        method: 'DELETE',
        body: { reason: input.reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}

/** Where the browser downloads the filtered list (no paging: every matching record). */
export function exportUrl(format: 'xlsx' | 'csv', filter: ActivityFilter): string {
  const { limit: _limit, offset: _offset, ...rest } = filter;
  return buildUrl(
    `/api/activity-files/export.${format}`,
    rest as Record<string, string | boolean | undefined>,
  );
}

export type LinkedEvidence = Json<LinkedEvidenceDto>;

export function useActivityEvidence(activityId: string | null) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'evidence', activityId],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<LinkedEvidence>>(`/api/activities/${activityId}/evidence`, { signal }),
    enabled: Boolean(activityId),
  });
}

export type Calendar = Json<CalendarDto>;

export function useCalendar(unitId: string, year: number) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'calendar', unitId, year],
    queryFn: ({ signal }) =>
      apiRequest<Calendar>(`/api/units/${unitId}/calendar`, { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateChannel(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof channelInput>) =>
      apiRequest<Channel>(`/api/units/${unitId}/channels`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [CHANNELS_KEY] }),
  });
}

/** Ends a channel on a day: it stays in the history, no longer offered for new records. */
export function useEndChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { channelId: string; endedOn: string }) =>
      apiRequest<Channel>(`/api/channels/${input.channelId}`, {
        method: 'PATCH',
        body: { endedOn: input.endedOn },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [CHANNELS_KEY] }),
  });
}
