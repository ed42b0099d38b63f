import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkReviewResultDto } from '../../shared/api/activities';
import { apiRequest } from './client';
import { ACTIVITIES_KEY } from './query-keys';

/** Accepts or rejects the selected records in one request (each audited on its own). */
export function useBulkReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; status: 'accepted' | 'rejected'; note?: string }) =>
      apiRequest<BulkReviewResultDto>('/api/activities/review', { method: 'POST', body: input }),
    // The reviewer sees the result as soon as the server answers; the lists refresh behind it (a
    // returned promise would hold the toast until every open record list had been fetched again).
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}
