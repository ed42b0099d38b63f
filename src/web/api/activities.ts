import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityListItemDto,
  activityInput,
  activityListQuery,
  activityPatchBody,
  channelInput,
  LanguageCountsDto,
  languageCountsQuery,
  reviewActivityBody,
} from '../../shared/api/activities';
import type {
  ActivityFileKind,
  ActivityImportJobDto,
  ActivityImportQueuedDto,
  ActivityImportResultDto,
} from '../../shared/api/activity-files';
import type { CalendarDto } from '../../shared/api/calendar';
import type { ChannelListItemDto, channelListSchema } from '../../shared/api/channels';
import type { LinkedEvidenceDto } from '../../shared/api/evidence';
import type { VocabularyDto } from '../../shared/api/vocabulary';
import { ApiError, apiRequest, apiUpload, buildUrl } from './client';
import { ACTIVITIES_KEY, CHANNELS_KEY } from './query-keys';
import type { ItemList, Json, Page } from './types';

export type Activity = Json<ActivityDto>;
export type ActivityListItem = Json<ActivityListItemDto>;
export type ActivityDetail = Json<ActivityDetailDto>;
export type ActivityInput = z.input<typeof activityInput>;
export type Channel = Json<ChannelListItemDto>;
export type ChannelList = Json<z.infer<typeof channelListSchema>>;
export type Vocabulary = Json<VocabularyDto>;
export type ActivityFilter = Partial<z.input<typeof activityListQuery>>;
export type ImportResult = Json<ActivityImportResultDto>;
/** A file too large to import inside the request: the job to poll (202). */
export type ImportQueued = Json<ActivityImportQueuedDto>;
export type ImportJob = Json<ActivityImportJobDto>;
export type ActivityPatch = z.input<typeof activityPatchBody>;
export type ReviewInput = z.input<typeof reviewActivityBody>;
export type LanguageCounts = Json<LanguageCountsDto>;
export type LanguageCountsPeriod = z.input<typeof languageCountsQuery>;

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
      apiRequest<Page<ActivityListItem> & { totalIsAtLeast: boolean }>('/api/activities', {
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

/** The answer to an upload: the result (imported inside the request) or the background job. */
export function isQueuedImport(answer: ImportResult | ImportQueued): answer is ImportQueued {
  return 'jobId' in answer;
}

export function useImportActivities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ActivityFileKind; file: File; unitId?: string; confirmReimport?: boolean }) =>
      apiUpload<ImportResult | ImportQueued>('/api/activity-files/import', input.file, {
        kind: input.kind,
        fileName: input.file.name,
        unitId: input.unitId,
        confirmReimport: input.confirmReimport ? 'true' : undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}

/** How often a running background import is asked about. */
const IMPORT_JOB_POLL_MS = 2000;

/**
 * A background import, asked about every two seconds until it is done or failed; then the record
 * lists are refetched (a done import added records).
 */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'import-job', jobId],
    queryFn: async ({ signal }) => {
      const job = await apiRequest<ImportJob>(`/api/activity-files/import-jobs/${jobId}`, { signal });
      if (job.status === 'done')
        void queryClient.invalidateQueries({
          queryKey: [ACTIVITIES_KEY],
          predicate: (query) => query.queryKey[1] !== 'import-job',
        });
      return job;
    },
    enabled: Boolean(jobId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : IMPORT_JOB_POLL_MS;
    },
  });
}

/** A failed background import's error as the error of an inline import, for the same display. */
export function importJobError(job: ImportJob | undefined): ApiError | null {
  if (job?.status !== 'failed' || !job.error) return null;
  const status = job.error.code === 'VALIDATION_FAILED' ? 400 : job.error.code === 'CONFLICT' ? 409 : 500;
  return new ApiError(status, job.error.code, job.error.message, job.error.details);
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

/**
 * A change to one record: the answer is the record as the server now has it, put straight into the
 * drawer's cache; lists, calendars and counts are refetched.
 */
function useRecordMutation<Input extends { activityId: string }>(
  send: (input: Input) => Promise<ActivityDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      queryClient.setQueryData([ACTIVITIES_KEY, 'detail', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}

/** Edits a record; a 409 names the record it may repeat, and `confirmDuplicate` stores it anyway. */
export function useUpdateActivity() {
  return useRecordMutation((input: { activityId: string; patch: ActivityPatch }) =>
    apiRequest<ActivityDetail>(`/api/activities/${input.activityId}`, { method: 'PATCH', body: input.patch }),
  );
}

/** Undoes a deletion (system administrators). */
export function useRestoreActivity() {
  return useRecordMutation((input: { activityId: string }) =>
    apiRequest<ActivityDetail>(`/api/activities/${input.activityId}/restore`, { method: 'POST' }),
  );
}

/** Accepts or rejects a record, with an optional note kept in the audit log. */
export function useReviewActivity() {
  return useRecordMutation((input: { activityId: string; review: ReviewInput }) =>
    apiRequest<ActivityDetail>(`/api/activities/${input.activityId}/review`, {
      method: 'POST',
      body: input.review,
    }),
  );
}

/** Says a record flagged as a suspected duplicate is a record of its own: it counts again. */
export function useClearDuplicateFlag() {
  return useRecordMutation((input: { activityId: string }) =>
    apiRequest<ActivityDetail>(`/api/activities/${input.activityId}/not-duplicate`, { method: 'POST' }),
  );
}

/** What a version in another language has of its own; everything else is the original's. */
export interface TranslationFields {
  language: string;
  title: string;
  url?: string | null;
  occurredOn: string;
  durationSeconds?: number | null;
  confirmDuplicate?: boolean;
}

/** The time of day (HH:mm) of an instant in Vietnam, as the API takes occurredTime (UTC+7, no DST). */
export function vietnamTimeOf(isoInstant: string): string {
  return new Date(new Date(isoInstant).getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

/**
 * Creates a version of a record in another language: same unit, kind, channel, genre and topics as
 * the original, linked by translationOfId. The server allows one live version per language.
 */
export function useCreateTranslation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { original: ActivityDetail; version: TranslationFields }) => {
      const { original, version } = input;
      const body: ActivityInput = {
        kind: original.kind,
        unitId: original.unitId,
        channelId: original.channelId,
        occurredOn: version.occurredOn,
        occurredTime: vietnamTimeOf(original.occurredAt),
        title: version.title,
        url: version.url ?? null,
        genre: original.genre,
        topics: original.topics,
        language: version.language,
        programme: original.programme,
        durationSeconds: version.durationSeconds ?? original.durationSeconds,
        source: original.source,
        issueNumber: original.issueNumber,
        targetUrl: original.targetUrl,
        translationOfId: original.id,
        confirmDuplicate: version.confirmDuplicate,
      };
      return apiRequest<ActivityDetail>('/api/activities', { method: 'POST', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}

/** Ethnic-language records of a unit's roll-up in a period (default: this year up to today). */
export function useLanguageCounts(unitId: string | undefined, period: LanguageCountsPeriod) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'language-counts', unitId ?? null, period],
    queryFn: ({ signal }) =>
      apiRequest<LanguageCounts>(`/api/units/${unitId}/language-counts`, { query: { ...period }, signal }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
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
