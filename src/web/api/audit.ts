import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';
import { AUDIT_KEY } from './query-keys';
import type { AuditEntry, AuditFilter, Page } from './types';

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: [AUDIT_KEY, filter],
    queryFn: ({ signal }) => apiRequest<Page<AuditEntry>>('/api/audit', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}
