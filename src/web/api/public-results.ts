import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicResultsSettingDto } from '../../shared/api/public-results';
import { apiRequest } from './client';
import { EVIDENCE_KEY, type EvidenceDetail } from './evidence';
import type { Json } from './types';

export type PublicResultsSetting = Json<PublicResultsSettingDto>;
const PUBLIC_RESULTS_KEY = 'public-results';

/** Whether the province of a unit publishes its results, and whether the user may change it. */
export function usePublicResultsSetting(unitId: string | null | undefined) {
  return useQuery({
    queryKey: [PUBLIC_RESULTS_KEY, unitId],
    queryFn: ({ signal }) =>
      apiRequest<PublicResultsSetting>(`/api/units/${unitId}/public-results`, { signal }),
    enabled: Boolean(unitId),
  });
}

export function useSetPublicResults(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isEnabled: boolean) =>
      apiRequest<PublicResultsSetting>(`/api/units/${unitId}/public-results`, {
        method: 'PUT',
        body: { isEnabled },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PUBLIC_RESULTS_KEY] }),
  });
}

export function useSetEvidencePublic(evidenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isPublic: boolean) =>
      apiRequest<EvidenceDetail>(`/api/evidence/${evidenceId}/public`, {
        method: 'PATCH',
        body: { isPublic },
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData([EVIDENCE_KEY, 'detail', evidenceId], detail);
      return queryClient.invalidateQueries({ queryKey: [EVIDENCE_KEY] });
    },
  });
}
