import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FrameworkDetailDto,
  FrameworkImportResultDto,
  FrameworkIssueDto,
  FrameworkListDto,
  FrameworkValidationDto,
  FrameworkVersionDto,
} from '../../shared/api/frameworks';
import type { CriterionSpec, FrameworkSpec, InputSpec, RuleSpec } from '../../shared/frameworks/definition';
import { type ApiError, apiRequest, apiUpload, isApiError } from './client';
import type { Json } from './types';

/**
 * The scoring pages (api/scoring.ts) read the list under the same key and the same answer, so an
 * import refreshes their framework choice too.
 */
export const FRAMEWORKS_KEY = 'frameworks';

export type FrameworkList = Json<FrameworkListDto>;
export type FrameworkVersion = Json<FrameworkVersionDto>;
export type FrameworkDetail = Json<FrameworkDetailDto>;
export type FrameworkValidation = Json<FrameworkValidationDto>;
export type FrameworkImportResult = Json<FrameworkImportResultDto>;
export type FrameworkIssue = FrameworkIssueDto;
export type FrameworkHeader = NonNullable<FrameworkValidation['framework']>;
export type FrameworkKindTotal = FrameworkHeader['kinds'][number];
export type FrameworkDefinition = FrameworkSpec;
export type Criterion = CriterionSpec;
export type CriterionInput = InputSpec;
export type Rule = RuleSpec;

/** Every stored version of every framework, and whether the user may import. */
export function useFrameworkList() {
  return useQuery({
    queryKey: [FRAMEWORKS_KEY, 'list'],
    queryFn: ({ signal }) => apiRequest<FrameworkList>('/api/frameworks', { signal }),
  });
}

export function useFramework(frameworkId: string) {
  return useQuery({
    queryKey: [FRAMEWORKS_KEY, 'detail', frameworkId],
    queryFn: ({ signal }) => apiRequest<FrameworkDetail>(`/api/frameworks/${frameworkId}`, { signal }),
    enabled: Boolean(frameworkId),
    // A stored version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The file is sent as it is; its name tells the server YAML from JSON. */
function uploadFramework<T>(path: string, file: File): Promise<T> {
  return apiUpload<T>(path, file, { fileName: file.name });
}

/** Checks a file without storing anything. */
export function useValidateFramework() {
  return useMutation({
    mutationFn: (file: File) => uploadFramework<FrameworkValidation>('/api/frameworks/validate', file),
  });
}

/** Imports a file as a new version (or finds it already stored). */
export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFramework<FrameworkImportResult>('/api/frameworks', file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [FRAMEWORKS_KEY] }),
  });
}

/** A framework file written in the browser (the editor), sent exactly as an uploaded file would be. */
export function frameworkTextFile(text: string, fileName: string): File {
  return new File([text], fileName, { type: 'application/yaml' });
}

/**
 * The editor's live check: the file the editor would save, through the same validation as an upload.
 * The previous answer stays while the next one loads, so the problems do not blink at every key.
 */
export function useFrameworkTextValidation(text: string | null, fileName: string) {
  return useQuery({
    queryKey: [FRAMEWORKS_KEY, 'editor-validation', fileName, text],
    queryFn: ({ signal }) =>
      apiRequest<FrameworkValidation>('/api/frameworks/validate', {
        method: 'POST',
        file: frameworkTextFile(text ?? '', fileName),
        query: { fileName },
        signal,
      }),
    enabled: text !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The problems of a refused import: a 400 carries them as error details (field = path in the tree,
 * row = line, column = column), the same issues the validation answers with. Null for other failures.
 */
export function importIssuesOf(error: unknown): FrameworkIssue[] | null {
  if (!isApiError(error, 'VALIDATION_FAILED')) return null;
  const failure: ApiError = error;
  return failure.details.map((detail) => {
    const column = detail.column === undefined ? Number.NaN : Number(detail.column);
    return {
      path: detail.field ?? '',
      line: detail.row ?? null,
      column: Number.isInteger(column) ? column : null,
      message: detail.message,
    };
  });
}
