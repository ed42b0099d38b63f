import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './client';
import { HOME_KEY, ME_QUERY_KEY } from './query-keys';
import { markSessionExpired } from './session-events';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Refusals and validation errors will not change on a retry; a flaky phone connection might.
  const transient = !(error instanceof ApiError) || error.code === 'NETWORK_ERROR' || error.status >= 500;
  return transient && failureCount < 2;
}

/**
 * One cache for the app. Any call answered UNAUTHENTICATED (an expired session) forgets the user,
 * which sends the router to the login page; every successful change refreshes the home's counts.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetUserIfSignedOut(client, error) }),
    mutationCache: new MutationCache({
      onError: (error) => forgetUserIfSignedOut(client, error),
      // Whatever a user changes (a record reviewed, a schedule issued, a report submitted) may change
      // the home's lists and the menu's counts: they are asked again instead of waiting a minute.
      // Signing in or out is not such a change (and a refresh racing a logout would read as an
      // expired session): those mutations say so in their meta.
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.isSessionChange) return;
        void client.invalidateQueries({ queryKey: [HOME_KEY] });
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}

function forgetUserIfSignedOut(client: QueryClient, error: unknown) {
  if (!isApiError(error, 'UNAUTHENTICATED')) return;
  if (client.getQueryData(ME_QUERY_KEY)) markSessionExpired();
  client.setQueryData(ME_QUERY_KEY, null);
}
