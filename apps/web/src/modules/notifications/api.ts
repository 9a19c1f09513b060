import { calendarEndpoints, notificationEndpoints, type NotificationPreferencesUpdate } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey } from "../../ui/api";

const unreadInput = { query: { limit: 1, unread: "1" as const } };

/** The unread count for the header bell, refreshed every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: endpointKey(notificationEndpoints.list, unreadInput),
    queryFn: ({ signal }) => call(notificationEndpoints.list, unreadInput, { signal }),
    select: (page) => page.unread_count,
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: { cursor?: string | undefined; limit: number; unread?: "1" | undefined }) {
  return useQuery({
    queryKey: endpointKey(notificationEndpoints.list, { query }),
    queryFn: ({ signal }) => call(notificationEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After marking read: every page of notifications and the bell's unread count. */
const notificationLists = endpointKey(notificationEndpoints.list);

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationEndpoints.markRead, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationLists }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(notificationEndpoints.markAllRead),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationLists }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: endpointKey(notificationEndpoints.preferences, {}),
    queryFn: ({ signal }) => call(notificationEndpoints.preferences, {}, { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) => call(notificationEndpoints.savePreferences, { body }),
    onSuccess: (saved) => queryClient.setQueryData(endpointKey(notificationEndpoints.preferences, {}), saved),
  });
}

export function useCalendarToken() {
  return useQuery({
    queryKey: endpointKey(calendarEndpoints.tokenStatus, {}),
    queryFn: ({ signal }) => call(calendarEndpoints.tokenStatus, {}, { signal }),
  });
}

export function useCreateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(calendarEndpoints.createToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointKey(calendarEndpoints.tokenStatus) }),
  });
}

export function useRevokeCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(calendarEndpoints.revokeToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointKey(calendarEndpoints.tokenStatus) }),
  });
}
