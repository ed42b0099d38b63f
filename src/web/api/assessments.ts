import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentAction,
  AssessmentCriterionDto,
  AssessmentDetailDto,
  AssessmentListDto,
  AssessmentStatus,
  AssessmentSummaryDto,
  assessmentCreateBody,
  assessmentListQuery,
  assessmentReturnBody,
  criterionAppraisalInput,
  criterionSelfInput,
} from '../../shared/api/assessments';
import { useI18n } from '../i18n/I18nProvider';
import { apiRequest } from './client';
import type { ItemList, Json } from './types';

export type { AssessmentAction, AssessmentStatus };
export type AssessmentSummary = Json<AssessmentSummaryDto>;
export type AssessmentDetail = Json<AssessmentDetailDto>;
export type AssessmentCriterion = Json<AssessmentCriterionDto>;
export type AssessmentTransition = AssessmentDetail['transitions'][number];
export type AssessmentTotals = AssessmentSummary['totals'];
export type CriterionInputSpec = AssessmentCriterion['inputSpecs'][number];
export type AssessmentList = Json<AssessmentListDto>;
export type AssessmentFilter = Partial<z.input<typeof assessmentListQuery>>;
export type AssessmentCreateInput = z.input<typeof assessmentCreateBody>;
export type CriterionSelfInput = z.input<typeof criterionSelfInput>;
export type CriterionAppraisalInput = z.input<typeof criterionAppraisalInput>;
export type AssessmentReturnInput = z.input<typeof assessmentReturnBody>;

export const ASSESSMENTS_KEY = 'assessments';

/** The server writes the automatic explanations in the page's language: one cached copy per language. */
const detailKey = (assessmentId: string, language: string) =>
  [ASSESSMENTS_KEY, 'detail', assessmentId, language] as const;

/**
 * Every write answers with the assessment as it now stands: it replaces the cached detail (no second
 * request on a slow connection), and the lists, which show its status and totals, are asked again.
 * Live scores read the assessment's inputs and self scores, but are always refetched on mount.
 */
async function storeAnswer(queryClient: QueryClient, answer: AssessmentDetail, language: string) {
  queryClient.setQueryData(detailKey(answer.id, language), answer);
  await queryClient.invalidateQueries({ queryKey: [ASSESSMENTS_KEY, 'list'] });
}

/** A write on one assessment that answers with the assessment. */
function useAssessmentWrite<Variables>(
  send: (variables: Variables, query: { lang: string }) => Promise<AssessmentDetail>,
) {
  const queryClient = useQueryClient();
  const { language } = useI18n();
  return useMutation({
    mutationFn: (variables: Variables) => send(variables, { lang: language }),
    onSuccess: (answer) => storeAnswer(queryClient, answer, language),
  });
}

/** The assessments the user may see (their units', or the units below for reviewers and DX offices). */
export function useAssessments(filter: AssessmentFilter) {
  return useQuery({
    queryKey: [ASSESSMENTS_KEY, 'list', 'all', filter],
    queryFn: ({ signal }) =>
      apiRequest<AssessmentList>('/api/assessments', {
        query: filter as Record<string, string | number | undefined>,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every assessment of one unit, each version included, newest period first. */
export function useUnitAssessments(unitId: string | undefined) {
  return useQuery({
    queryKey: [ASSESSMENTS_KEY, 'list', 'unit', unitId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<AssessmentSummary>>(`/api/units/${unitId}/assessments`, { signal }),
    enabled: Boolean(unitId),
  });
}

/**
 * One assessment. A draft's automatic scores are computed from the records at each read, so it is
 * asked again whenever the page opens.
 */
export function useAssessment(assessmentId: string) {
  const { language } = useI18n();
  return useQuery({
    queryKey: detailKey(assessmentId, language),
    queryFn: ({ signal }) =>
      apiRequest<AssessmentDetail>(`/api/assessments/${assessmentId}`, { query: { lang: language }, signal }),
    enabled: Boolean(assessmentId),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useCreateAssessment() {
  return useAssessmentWrite(({ unitId, body }: { unitId: string; body: AssessmentCreateInput }, query) =>
    apiRequest<AssessmentDetail>(`/api/units/${unitId}/assessments`, { method: 'POST', body, query }),
  );
}

const criterionPath = (assessmentId: string, code: string) =>
  `/api/assessments/${assessmentId}/criteria/${encodeURIComponent(code)}`;

/** The unit's part of one criterion: self score, explanation, declared inputs. */
export function useUpdateCriterion(assessmentId: string) {
  return useAssessmentWrite(({ code, body }: { code: string; body: CriterionSelfInput }, query) =>
    apiRequest<AssessmentDetail>(criterionPath(assessmentId, code), { method: 'PATCH', body, query }),
  );
}

export function useLinkCriterionEvidence(assessmentId: string) {
  return useAssessmentWrite(({ code, evidenceId }: { code: string; evidenceId: string }, query) =>
    apiRequest<AssessmentDetail>(`${criterionPath(assessmentId, code)}/evidence`, {
      method: 'POST',
      body: { evidenceId },
      query,
    }),
  );
}

/** Takes evidence off a criterion; the item itself stays in the unit's list. */
export function useUnlinkCriterionEvidence() {
  return useAssessmentWrite((linkId: string, query) =>
    apiRequest<AssessmentDetail>(`/api/criterion-evidence-links/${linkId}`, { method: 'DELETE', query }),
  );
}

/** The reviewer's part of one criterion: score and comment. */
export function useAppraiseCriterion(assessmentId: string) {
  return useAssessmentWrite(({ code, body }: { code: string; body: CriterionAppraisalInput }, query) =>
    apiRequest<AssessmentDetail>(`/api/assessments/${assessmentId}/appraisal/${encodeURIComponent(code)}`, {
      method: 'PATCH',
      body,
      query,
    }),
  );
}

/** What each transition sends: a note (submit, appraise, publish), a return, a supersession's reason. */
export type TransitionRequest =
  | { action: 'submit' | 'appraise' | 'publish'; note?: string }
  | { action: 'return'; body: AssessmentReturnInput }
  | { action: 'supersede'; reason: string };

function transitionBody(request: TransitionRequest): unknown {
  switch (request.action) {
    case 'return':
      return request.body;
    case 'supersede':
      return { reason: request.reason };
    default:
      return request.note ? { note: request.note } : {};
  }
}

/** Moves the assessment on: submit, return, appraise, publish, or supersede (which answers with the new version). */
export function useAssessmentTransition(assessmentId: string) {
  return useAssessmentWrite((request: TransitionRequest, query) =>
    apiRequest<AssessmentDetail>(`/api/assessments/${assessmentId}/${request.action}`, {
      method: 'POST',
      body: transitionBody(request),
      query,
    }),
  );
}

/** The officer's "finished": the unit head is told in the app; answers how many heads were told. */
export function useAssessmentReady(assessmentId: string) {
  const queryClient = useQueryClient();
  const { language } = useI18n();
  return useMutation({
    mutationFn: () =>
      apiRequest<{ assessment: AssessmentDetail; notified: number }>(
        `/api/assessments/${assessmentId}/ready`,
        { method: 'POST', body: {}, query: { lang: language } },
      ),
    onSuccess: (answer) => storeAnswer(queryClient, answer.assessment, language),
  });
}

/** Publishes several appraised assessments at once, all or nothing. */
export function useBulkPublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { assessmentIds: string[]; note?: string }) =>
      apiRequest<{ published: Array<{ id: string; summary: string }> }>('/api/assessments/publish', {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ASSESSMENTS_KEY] }),
  });
}
