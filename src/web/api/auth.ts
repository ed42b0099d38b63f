import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError, setCsrfToken } from './client';
import { ME_QUERY_KEY } from './query-keys';
import type { Me } from './types';

/** The signed-in user, or null when nobody is (the API answers UNAUTHENTICATED). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiRequest<{ csrfToken: string }>('/api/auth/login', { method: 'POST', body }),
    meta: { isSessionChange: true },
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      // Nothing cached for a previous user may show through.
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
    meta: { isSessionChange: true },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

/** Ends every session of the user, this one included (POST /api/auth/logout-all). */
export function useLogoutAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ ok: true }>('/api/auth/logout-all', { method: 'POST' }),
    meta: { isSessionChange: true },
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiRequest<{ ok: true }>('/api/auth/password', { method: 'POST', body }),
  });
}
