import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EvidenceCreatedDto,
  EvidenceDetailDto,
  EvidenceDto,
  EvidenceLinkDto,
  evidenceCitationInput,
  evidenceListQuery,
  evidenceUrlInput,
  ScheduleEvidenceCandidateDto,
  StoredFileDto,
} from '../../shared/api/evidence';
import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '../../shared/errors';
import type { Action } from '../../shared/roles';
import { ApiError, apiRequest } from './client';
import { ACTIVITIES_KEY, ME_QUERY_KEY, UNITS_KEY } from './query-keys';
import type { Json, Me, Page, UnitDetail } from './types';

export const EVIDENCE_KEY = 'evidence';

export type Evidence = Json<EvidenceDto>;
export type EvidenceDetail = Json<EvidenceDetailDto>;
export type EvidenceCreated = Json<EvidenceCreatedDto>;
export type EvidenceLink = Json<EvidenceLinkDto>;
export type StoredFile = Json<StoredFileDto>;
export type ScheduleEvidenceCandidate = Json<ScheduleEvidenceCandidateDto>;
export type EvidenceFilter = Partial<z.input<typeof evidenceListQuery>>;

/** What a new item or a new version carries: a file with the fields beside it, a URL, or a citation. */
export type EvidenceContent =
  | { kind: 'file'; file: File; title?: string; periodFrom?: string; periodTo?: string }
  | ({ kind: 'url' } & z.input<typeof evidenceUrlInput>)
  | ({ kind: 'citation'; file?: File } & z.input<typeof evidenceCitationInput>);

// ---- Multipart forms -------------------------------------------------------------------------
// client.ts sends JSON or a raw file; uploads with fields beside the file need multipart/form-data.
// This follows client.ts: same-origin cookie, the session's CSRF token, the API's
// {code, message, details} as an ApiError, one retry after a stale token.

function csrfTokenOf(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData<Me | null>(ME_QUERY_KEY)?.csrfToken;
}

async function sendForm(path: string, form: FormData, csrfToken: string | undefined): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      // No content-type: the browser writes multipart/form-data with its boundary.
      headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.');
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const { code, message, details } = body as { code: unknown; message: unknown; details?: unknown };
    if ((ERROR_CODES as readonly unknown[]).includes(code) && typeof message === 'string') {
      const list = Array.isArray(details) ? (details as ErrorDetail[]) : [];
      return new ApiError(response.status, code as ErrorCode, message, list);
    }
  }
  // A proxy in front of the API may refuse a large upload before the API sees it.
  if (response.status === 413)
    return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Tệp quá lớn so với giới hạn của máy chủ.');
  return new ApiError(
    response.status,
    'INTERNAL',
    `Lỗi máy chủ (HTTP ${response.status}). Vui lòng thử lại sau.`,
  );
}

/** Posts a multipart form (the file last, after its fields) and returns the JSON answer. */
export async function postForm<T>(queryClient: QueryClient, path: string, form: FormData): Promise<T> {
  let response = await sendForm(path, form, csrfTokenOf(queryClient));
  if (response.status === 403 && (await errorOf(response.clone())).code === 'CSRF_INVALID') {
    // The page outlived a re-login elsewhere: fetch the session's current token and try once more.
    await queryClient.refetchQueries({ queryKey: ME_QUERY_KEY, exact: true });
    response = await sendForm(path, form, csrfTokenOf(queryClient));
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** A multipart form of text fields (empty ones left out, lists repeated) and, last, the file. */
export function formDataOf(
  fields: Record<string, string | readonly string[] | null | undefined>,
  file?: File,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    for (const one of typeof value === 'string' ? [value] : value) if (one !== '') form.append(name, one);
  }
  if (file) form.append('file', file, file.name);
  return form;
}

// ---- Queries and mutations -------------------------------------------------------------------

export function useUnitEvidence(unitId: string | undefined, filter: EvidenceFilter) {
  return useQuery({
    queryKey: [EVIDENCE_KEY, 'unit', unitId ?? null, filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<Evidence>>(`/api/units/${unitId}/evidence`, {
        query: filter as Record<string, string | number | boolean | undefined>,
        signal,
      }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(evidenceId: string | null) {
  return useQuery({
    queryKey: [EVIDENCE_KEY, 'detail', evidenceId],
    queryFn: ({ signal }) => apiRequest<EvidenceDetail>(`/api/evidence/${evidenceId}`, { signal }),
    enabled: Boolean(evidenceId),
  });
}

function fileForm(content: Extract<EvidenceContent, { kind: 'file' }>): FormData {
  const { file, title, periodFrom, periodTo } = content;
  return formDataOf({ title, periodFrom, periodTo }, file);
}

/** A citation with its signed scan goes as a form: its fields, then the file. */
function citationForm(content: Extract<EvidenceContent, { kind: 'citation' }>, withKind: boolean): FormData {
  const { file, kind, ...fields } = content;
  return formDataOf(withKind ? { kind, ...fields } : fields, file);
}

/** A new evidence item of a unit: the upload, URL and citation each have their own endpoint. */
export function useCreateEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, content }: { unitId: string; content: EvidenceContent }) => {
      if (content.kind === 'file')
        return postForm<EvidenceCreated>(queryClient, `/api/units/${unitId}/evidence`, fileForm(content));
      if (content.kind === 'citation' && content.file)
        return postForm<EvidenceCreated>(
          queryClient,
          `/api/units/${unitId}/evidence/citation`,
          citationForm(content, false),
        );
      const { kind, ...body } = content;
      return apiRequest<EvidenceCreated>(`/api/units/${unitId}/evidence/${kind}`, { method: 'POST', body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] }),
  });
}

/** A new version replaces the item (the old one stays as it was) and takes over its links. */
export function useAddEvidenceVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ evidenceId, content }: { evidenceId: string; content: EvidenceContent }) => {
      const path = `/api/evidence/${evidenceId}/versions`;
      if (content.kind === 'file') return postForm<EvidenceCreated>(queryClient, path, fileForm(content));
      if (content.kind === 'citation' && content.file)
        return postForm<EvidenceCreated>(queryClient, path, citationForm(content, true));
      return apiRequest<EvidenceCreated>(path, { method: 'POST', body: content });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] });
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}

export function useLinkEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ evidenceId, activityId }: { evidenceId: string; activityId: string }) =>
      apiRequest<EvidenceLink>(`/api/evidence/${evidenceId}/links`, {
        method: 'POST',
        body: { targetType: 'activity', targetId: activityId },
      }),
    // The record's evidence list and detail, and the item's link count.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
      await queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] });
    },
  });
}

export function useUnlinkEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      apiRequest<EvidenceLink>(`/api/evidence-links/${linkId}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
      await queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] });
    },
  });
}

/**
 * What the user may do on a unit (the server's `actions`: 'activity.record' adds evidence,
 * 'library.publish' publishes), from the same cache entry as the unit pages' useUnit.
 */
export function useUnitActions(unitId: string | null): readonly Action[] {
  const query = useQuery({
    queryKey: [UNITS_KEY, 'detail', unitId, null],
    queryFn: ({ signal }) => apiRequest<UnitDetail>(`/api/units/${unitId}`, { signal }),
    enabled: Boolean(unitId),
  });
  return query.data?.actions ?? [];
}

/** The issued broadcast schedules of a unit (and the units below it) that can be chosen as evidence. */
export function useScheduleEvidenceCandidates(unitId: string | undefined) {
  return useQuery({
    queryKey: [EVIDENCE_KEY, 'schedules', unitId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<{ items: ScheduleEvidenceCandidate[] }>(`/api/units/${unitId}/evidence/schedules`, {
        signal,
      }),
    enabled: Boolean(unitId),
  });
}

/** The evidence item of an issued schedule: made (its document frozen) on first use, the same one after. */
export function useScheduleEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string) =>
      apiRequest<EvidenceCreated>(`/api/schedules/${scheduleId}/evidence`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] }),
  });
}

// ---- An upload that reports its progress -----------------------------------------------------
// fetch() cannot tell how much of a request body has gone; on a slow phone connection the officer
// must see the photo moving, so this one upload uses XMLHttpRequest.

function sendFormWithProgress(
  path: string,
  form: FormData,
  csrfToken: string | undefined,
  onProgress: (percent: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.floor((event.loaded / event.total) * 100)));
    };
    request.onload = () => {
      onProgress(100);
      resolve(
        new Response(request.status === 204 ? null : request.responseText, {
          status: request.status,
          headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
        }),
      );
    };
    const fail = () =>
      reject(new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.'));
    request.onerror = fail;
    request.ontimeout = fail;
    request.onabort = fail;
    request.send(form);
  });
}

/** A file uploaded as evidence of a unit and attached to a record, with the upload's progress. */
export function useAttachFileToRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (options: {
      unitId: string;
      activityId: string;
      file: File;
      title: string;
      onProgress: (percent: number) => void;
    }) => {
      const path = `/api/units/${options.unitId}/evidence`;
      const form = formDataOf({ title: options.title }, options.file);
      let response = await sendFormWithProgress(path, form, csrfTokenOf(queryClient), options.onProgress);
      if (response.status === 403 && (await errorOf(response.clone())).code === 'CSRF_INVALID') {
        await queryClient.refetchQueries({ queryKey: ME_QUERY_KEY, exact: true });
        response = await sendFormWithProgress(path, form, csrfTokenOf(queryClient), options.onProgress);
      }
      if (!response.ok) throw await errorOf(response);
      const created = (await response.json()) as EvidenceCreated;
      await apiRequest<EvidenceLink>(`/api/evidence/${created.id}/links`, {
        method: 'POST',
        body: { targetType: 'activity', targetId: options.activityId },
      });
      return created;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
      await queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] });
    },
  });
}
