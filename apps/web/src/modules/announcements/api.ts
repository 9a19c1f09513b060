import type {
  AnnouncementCreate,
  AnnouncementDetail,
  AnnouncementPage,
  AnnouncementSentPage,
  AnnouncementUnreadPage,
  AnnouncementAttachment,
  AnnouncementAudienceOrgs,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_BASE, apiRequest } from "../../ui/api";

type ListParams = { cursor?: string | undefined; limit: number; unread?: "1" | undefined };

export const announcementKeys = {
  all: ["announcements"] as const,
  mine: (params: ListParams) => ["announcements", "mine", params] as const,
  sent: (params: ListParams) => ["announcements", "sent", params] as const,
  detail: (id: string) => ["announcements", "detail", id] as const,
  unread: (id: string, cursor: string | undefined) => ["announcements", "unread", id, cursor] as const,
};

export function useMyAnnouncements(params: ListParams) {
  return useQuery({
    queryKey: announcementKeys.mine(params),
    queryFn: ({ signal }) => apiRequest<AnnouncementPage>("/announcements", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSentAnnouncements(params: ListParams, enabled: boolean) {
  return useQuery({
    queryKey: announcementKeys.sent(params),
    queryFn: ({ signal }) => apiRequest<AnnouncementSentPage>("/announcements/sent", { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Opening an announcement marks it read on the server, so the lists and the bell are refreshed. */
export function useAnnouncement(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: announcementKeys.detail(id),
    queryFn: async ({ signal }) => {
      const detail = await apiRequest<AnnouncementDetail>(`/announcements/${encodeURIComponent(id)}`, { signal });
      void queryClient.invalidateQueries({ queryKey: ["announcements", "mine"] });
      return detail;
    },
  });
}

export function useUnreadRecipients(id: string, cursor: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: announcementKeys.unread(id, cursor),
    queryFn: ({ signal }) =>
      apiRequest<AnnouncementUnreadPage>(`/announcements/${encodeURIComponent(id)}/unread`, { query: { cursor, limit: 50 }, signal }),
    enabled,
  });
}

export function usePublishAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AnnouncementCreate; idempotencyKey: string }) =>
      apiRequest<AnnouncementDetail>("/announcements", { method: "POST", body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: announcementKeys.all }),
  });
}

/** The file types the server accepts for announcements (it checks the bytes too). */
export const ANNOUNCEMENT_FILE_ACCEPT = "application/pdf,image/jpeg,image/png,image/webp";

export const attachmentUrl = (id: string, attachmentId: string) =>
  `${API_BASE}/announcements/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Adds one file to an announcement one manages (the server names it and checks its bytes). */
export function useAddAnnouncementAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, idempotencyKey }: { id: string; file: File; idempotencyKey: string }) =>
      apiRequest<AnnouncementAttachment>(`/announcements/${encodeURIComponent(id)}/attachments`, {
        method: "POST",
        body: file,
        idempotencyKey,
      }),
    onSuccess: (_attachment, { id }) => queryClient.invalidateQueries({ queryKey: announcementKeys.detail(id) }),
  });
}

/** Organizations whose staff an announcement to the area would reach, for the audience picker. */
export function useAudienceOrganizations(areaCode: string | undefined, q: string) {
  return useQuery({
    queryKey: ["announcements", "audience-orgs", areaCode, q],
    queryFn: ({ signal }) =>
      apiRequest<AnnouncementAudienceOrgs>("/announcements/audience-organizations", {
        query: { area_code: areaCode, q: q || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: areaCode !== undefined,
  });
}
