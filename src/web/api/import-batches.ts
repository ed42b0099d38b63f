import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportBatchDto } from '../../shared/api/import-batches';
import { apiRequest } from './client';
import { ACTIVITIES_KEY } from './query-keys';
import type { Json, Page } from './types';

export type ImportBatch = Json<ImportBatchDto>;

/** "Lịch sử nhập": under the records' key, so an import or an undo refreshes it with the lists. */
export function useImportBatches(unitId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, 'import-batches', unitId ?? null, page],
    queryFn: ({ signal }) =>
      apiRequest<Page<ImportBatch>>('/api/activity-files/batches', {
        query: { unitId, limit: pageSize, offset: (page - 1) * pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Undoes a whole import (within 30 days): its records are deleted with the reason. */
export function useUndoImportBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { batchId: string; reason: string }) =>
      apiRequest<ImportBatch>(`/api/activity-files/batches/${input.batchId}/undo`, {
        method: 'POST',
        body: { reason: input.reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] }),
  });
}
