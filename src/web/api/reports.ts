import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PeriodSubmissionsDto,
  PreviousTextsDto,
  ReportAction,
  ReportDetailDto,
  ReportPeriodDto,
  ReportReadyDto,
  ReportTypeDto,
  reportPeriodMoveBody,
  reportTextsBody,
  reportTypeCreateBody,
  reportTypeUpdateBody,
  UnitReportItemDto,
} from '../../shared/api/reports';
import { apiRequest } from './client';
import type { ItemList, Json } from './types';

export type { ReportAction };
export type ReportType = Json<ReportTypeDto>;
export type ReportPeriod = Json<ReportPeriodDto>;
export type PeriodSubmissions = Json<PeriodSubmissionsDto>;
export type UnitReportItem = Json<UnitReportItemDto>;
export type ReportDetail = Json<ReportDetailDto>;
export type ReportTypeCreateInput = z.input<typeof reportTypeCreateBody>;
export type ReportTypeUpdateInput = z.input<typeof reportTypeUpdateBody>;
export type ReportTextsInput = z.input<typeof reportTextsBody>;
export type ReportPeriodMoveInput = z.input<typeof reportPeriodMoveBody>;

export const REPORTS_KEY = 'reports';
const detailKey = (reportId: string) => [REPORTS_KEY, 'detail', reportId] as const;

/** After any write: the answer replaces the cached report, every list (states, counts) is asked again. */
async function refresh(queryClient: QueryClient, answer?: ReportDetail) {
  if (answer) queryClient.setQueryData(detailKey(answer.id), answer);
  await queryClient.invalidateQueries({ queryKey: [REPORTS_KEY, 'list'] });
}

export function useReportTypes(unitId: string | undefined) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'list', 'types', unitId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<ReportType>>(`/api/units/${unitId}/report-types`, { signal }),
    enabled: Boolean(unitId),
  });
}

export function useReportPeriods(unitId: string | undefined, reportTypeId?: string) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'list', 'periods', unitId ?? null, reportTypeId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<ReportPeriod>>(`/api/units/${unitId}/report-periods`, {
        query: { reportTypeId },
        signal,
      }),
    enabled: Boolean(unitId),
  });
}

export function usePeriodSubmissions(periodId: string) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'list', 'submissions', periodId],
    queryFn: ({ signal }) =>
      apiRequest<PeriodSubmissions>(`/api/report-periods/${periodId}/submissions`, { signal }),
  });
}

export function useUnitReports(unitId: string | undefined) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'list', 'unit', unitId ?? null],
    queryFn: ({ signal }) => apiRequest<ItemList<UnitReportItem>>(`/api/units/${unitId}/reports`, { signal }),
    enabled: Boolean(unitId),
  });
}

export function useReport(reportId: string) {
  return useQuery({
    queryKey: detailKey(reportId),
    queryFn: ({ signal }) => apiRequest<ReportDetail>(`/api/reports/${reportId}`, { signal }),
  });
}

export function usePreviousTexts(reportId: string, enabled: boolean) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'previous', reportId],
    queryFn: ({ signal }) =>
      apiRequest<Json<PreviousTextsDto>>(`/api/reports/${reportId}/previous-texts`, { signal }),
    enabled,
  });
}

export function useDefineReportType(unitId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportTypeCreateInput) =>
      apiRequest<ReportType>(`/api/units/${unitId}/report-types`, { method: 'POST', body }),
    onSuccess: () => refresh(queryClient),
  });
}

export function useUpdateReportType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReportTypeUpdateInput }) =>
      apiRequest<ReportType>(`/api/report-types/${id}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(queryClient),
  });
}

export function useMovePeriodDue(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportPeriodMoveInput) =>
      apiRequest<ReportPeriod>(`/api/report-periods/${periodId}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(queryClient),
  });
}

export function useOpenReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ periodId, unitId }: { periodId: string; unitId: string }) =>
      apiRequest<ReportDetail>(`/api/report-periods/${periodId}/units/${unitId}/report`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: (answer) => refresh(queryClient, answer),
  });
}

export function useSaveReportTexts(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportTextsInput) =>
      apiRequest<ReportDetail>(`/api/reports/${reportId}`, { method: 'PATCH', body }),
    onSuccess: (answer) => refresh(queryClient, answer),
  });
}

export type ReportStep = 'ready' | 'approve' | 'return' | 'submit' | 'versions';

/** One workflow step; `ready` answers with the report and how many heads were told. */
export function useReportStep(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, body }: { step: ReportStep; body?: Record<string, string> }) => {
      const answer = await apiRequest<ReportDetail | Json<ReportReadyDto>>(
        `/api/reports/${reportId}/${step}`,
        {
          method: 'POST',
          body: body ?? {},
        },
      );
      return 'notified' in answer ? answer : { report: answer, notified: null };
    },
    onSuccess: (answer) => refresh(queryClient, answer.report),
  });
}
