import { useQuery } from '@tanstack/react-query';
import type { SnapshotDto } from '../../shared/api/snapshots';
import { apiRequest } from './client';
import type { Json } from './types';

export type Snapshot = Json<SnapshotDto>;

const SNAPSHOTS_KEY = 'snapshots';

/** A page snapshot of the monitor; a snapshot never changes, so it is read once. */
export function useSnapshot(snapshotId: string | null | undefined) {
  return useQuery({
    queryKey: [SNAPSHOTS_KEY, snapshotId],
    queryFn: ({ signal }) => apiRequest<Snapshot>(`/api/snapshots/${snapshotId}`, { signal }),
    enabled: Boolean(snapshotId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
