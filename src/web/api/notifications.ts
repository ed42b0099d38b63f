import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationListDto } from '../../shared/api/notifications';
import { apiRequest } from './client';
import type { Json } from './types';

export type NotificationList = Json<NotificationListDto>;
export type AppNotification = NotificationList['items'][number];

const KEY = 'notifications';

/** The signed-in user's notifications; asked again every minute so the bell's count stays fresh. */
export function useNotifications(options: { limit?: number } = {}) {
  return useQuery({
    queryKey: [KEY, 'list', options.limit ?? 20],
    queryFn: ({ signal }) =>
      apiRequest<NotificationList>('/api/notifications', { query: { limit: options.limit ?? 20 }, signal }),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
}

/** Marks notifications read (the ones given, or all). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      apiRequest<{ marked: number; unread: number }>('/api/notifications/read', {
        method: 'POST',
        body: ids ? { ids } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
