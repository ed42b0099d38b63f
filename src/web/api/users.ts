import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { AUDIT_KEY, USERS_KEY } from './query-keys';
import type { CreateUserInput, GrantInput, Page, UpdateUserInput, User, UserListFilter } from './types';

export function useUsers(filter: UserListFilter) {
  return useQuery({
    queryKey: [USERS_KEY, 'list', filter],
    queryFn: ({ signal }) => apiRequest<Page<User>>('/api/users', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(userId: string | null) {
  return useQuery({
    queryKey: [USERS_KEY, 'detail', userId],
    queryFn: ({ signal }) => apiRequest<User>(`/api/users/${userId}`, { signal }),
    enabled: userId !== null,
  });
}

/** After any change to accounts the lists and the audit log are out of date. */
function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [USERS_KEY] }),
      queryClient.invalidateQueries({ queryKey: [AUDIT_KEY] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: CreateUserInput) => apiRequest<User>('/api/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(userId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: UpdateUserInput) =>
      apiRequest<User>(`/api/users/${userId}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useAddGrant(userId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: GrantInput) =>
      apiRequest<User>(`/api/users/${userId}/grants`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRevokeGrant(userId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (grantId: string) =>
      apiRequest<{ ok: true }>(`/api/users/${userId}/grants/${grantId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
