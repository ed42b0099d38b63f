import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiRequest } from './client';
import { UNITS_KEY } from './query-keys';
import type { ItemList, SubtreeRow, Unit, UnitDetail, UnitHistory } from './types';

/** `date` is a yyyy-MM-dd day, or undefined for today. */
type AsOf = string | undefined;

export function useUnitRoots(date: AsOf) {
  return useQuery({
    queryKey: [UNITS_KEY, 'roots', date ?? null],
    queryFn: ({ signal }) => apiRequest<ItemList<Unit>>('/api/units/roots', { query: { date }, signal }),
    select: (data) => data.items,
  });
}

/** Children of a unit, cached: the tree asks for them when a node is expanded. */
export async function fetchUnitChildren(
  queryClient: QueryClient,
  unitId: string,
  date: AsOf,
): Promise<SubtreeRow[]> {
  const data = await queryClient.fetchQuery({
    queryKey: [UNITS_KEY, 'children', unitId, date ?? null],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<SubtreeRow>>(`/api/units/${unitId}/children`, { query: { date }, signal }),
    staleTime: 60_000,
  });
  return data.items;
}

/** Search across the user's scope; without a date it finds units of any time, former ones included. */
export function useUnitSearch(
  text: string,
  options: { date?: AsOf; limit?: number; enabled?: boolean } = {},
) {
  const q = text.trim();
  return useQuery({
    queryKey: [UNITS_KEY, 'search', q, options.date ?? null, options.limit ?? 50],
    queryFn: ({ signal }) =>
      apiRequest<ItemList<Unit>>('/api/units', {
        query: { q, date: options.date, limit: options.limit ?? 50 },
        signal,
      }),
    select: (data) => data.items,
    enabled: (options.enabled ?? true) && q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useUnit(unitId: string, date: AsOf) {
  return useQuery(unitQuery(unitId, date));
}

function historyQuery(unitId: string) {
  return {
    queryKey: [UNITS_KEY, 'history', unitId],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiRequest<UnitHistory>(`/api/units/${unitId}/history`, { signal }),
  };
}

function unitQuery(unitId: string, date: AsOf) {
  return {
    queryKey: [UNITS_KEY, 'detail', unitId, date ?? null],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiRequest<UnitDetail>(`/api/units/${unitId}`, { query: { date }, signal }),
  };
}

export function useUnitHistory(unitId: string) {
  return useQuery(historyQuery(unitId));
}

export function useUnitRollup(unitId: string, enabled = true) {
  return useQuery({
    queryKey: [UNITS_KEY, 'rollup', unitId],
    queryFn: ({ signal }) => apiRequest<ItemList<Unit>>(`/api/units/${unitId}/rollup`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useUpdateUnit(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { websiteUrl: string | null }) =>
      apiRequest<UnitDetail>(`/api/units/${unitId}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [UNITS_KEY] }),
  });
}
