import { api } from '@client/api/client.ts';
import type { TNotification } from '@domain/notification.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const NOTIFICATIONS_PATH = '/api/notifications';
const UNREAD_KEY = [NOTIFICATIONS_PATH, 'unread-count'] as const;

/** The unread count behind the bell, refreshed every 30 s and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) =>
      api.get<{ count: number }>(`${NOTIFICATIONS_PATH}/unread-count`, undefined, signal),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`${NOTIFICATIONS_PATH}/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [NOTIFICATIONS_PATH] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>(`${NOTIFICATIONS_PATH}/read-all`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [NOTIFICATIONS_PATH] }),
  });
}
