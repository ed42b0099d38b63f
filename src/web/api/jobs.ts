import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobOverviewDto } from '../../shared/api/jobs';
import { apiRequest } from './client';
import { AUDIT_KEY, JOBS_KEY } from './query-keys';
import type { Json } from './types';

export type JobOverview = Json<JobOverviewDto>;
export type JobFailure = JobOverview['failures'][number];

export function useJobOverview() {
  return useQuery({
    queryKey: [JOBS_KEY],
    queryFn: ({ signal }) => apiRequest<JobOverview>('/api/admin/jobs', { signal }),
    // Counts move while workers run: refresh while the page is open.
    refetchInterval: 15_000,
  });
}

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: { queue: string; id: string }) =>
      apiRequest<{ queue: string; id: string | null }>(
        `/api/admin/jobs/${encodeURIComponent(job.queue)}/${job.id}/retry`,
        { method: 'POST' },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [JOBS_KEY] });
      void client.invalidateQueries({ queryKey: [AUDIT_KEY] });
    },
  });
}
