import type {
  CalendarTokenCreated,
  CalendarTokenStatus,
  Notification,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../ui/api";

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  list: (params: { cursor?: string | undefined; limit: number; unread?: "1" | undefined }) => ["notifications", "list", params] as const,
};

/** The unread count for the header bell, refreshed every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => apiRequest<NotificationPage>("/notifications", { query: { limit: 1, unread: "1" }, signal }),
    select: (page) => page.unread_count,
    refetchInterval: 60_000,
  });
}

export function useNotifications(params: { cursor?: string | undefined; limit: number; unread?: "1" | undefined }) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => apiRequest<NotificationPage>("/notifications", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ updated: number }>("/notifications/read-all", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const preferenceKeys = { preferences: ["notification-preferences"] as const, calendar: ["calendar-token"] as const };

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferenceKeys.preferences,
    queryFn: ({ signal }) => apiRequest<NotificationPreferences>("/me/notification-preferences", { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) =>
      apiRequest<NotificationPreferences>("/me/notification-preferences", { method: "PUT", body }),
    onSuccess: (saved) => queryClient.setQueryData(preferenceKeys.preferences, saved),
  });
}

export function useCalendarToken() {
  return useQuery({
    queryKey: preferenceKeys.calendar,
    queryFn: ({ signal }) => apiRequest<CalendarTokenStatus>("/me/calendar-token", { signal }),
  });
}

export function useCreateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CalendarTokenCreated>("/me/calendar-token", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferenceKeys.calendar }),
  });
}

export function useRevokeCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<null>("/me/calendar-token", { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferenceKeys.calendar }),
  });
}
