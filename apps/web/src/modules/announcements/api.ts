import { announcementEndpoints as api, type AnnouncementCreate, type AnnouncementReceiptSort, type SortValue } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointFamily, endpointHref, endpointKey } from "../../ui/api";

type ListParams = { cursor?: string | undefined; limit: number; unread?: "1" | undefined };

export function useMyAnnouncements(query: ListParams) {
  return useQuery({
    queryKey: endpointKey(api.listMine, { query }),
    queryFn: ({ signal }) => call(api.listMine, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSentAnnouncements(query: ListParams, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(api.listSent, { query }),
    queryFn: ({ signal }) => call(api.listSent, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Opening an announcement marks it read on the server, so the lists and the bell are refreshed. */
export function useAnnouncement(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: endpointKey(api.open, { params: { id } }),
    queryFn: async ({ signal }) => {
      const detail = await call(api.open, { params: { id } }, { signal });
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.listMine) });
      return detail;
    },
  });
}

export function useUnreadRecipients(id: string, cursor: string | undefined, enabled: boolean) {
  const input = { params: { id }, query: { cursor, limit: 50 } };
  return useQuery({
    queryKey: endpointKey(api.listUnread, input),
    queryFn: ({ signal }) => call(api.listUnread, input, { signal }),
    enabled,
  });
}

/** The read receipts of an announcement the caller manages (GET /announcements/:id/receipts). */
export function useAnnouncementReceipts(
  id: string,
  query: {
    read?: "read" | "unread" | undefined;
    sort?: SortValue<AnnouncementReceiptSort> | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const input = { params: { id }, query };
  return useQuery({
    queryKey: endpointKey(api.listReceipts, input),
    queryFn: ({ signal }) => call(api.listReceipts, input, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublishAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AnnouncementCreate; idempotencyKey: string }) =>
      call(api.publish, { body }, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointFamily(api.publish) }),
  });
}

/** The file types the server accepts for announcements (it checks the bytes too). */
export const ANNOUNCEMENT_FILE_ACCEPT = api.attach.upload.types.join(",");

export const attachmentUrl = (id: string, attachmentId: string) => endpointHref(api.download, { params: { id, attachmentId } });

/** Adds one file to an announcement one manages (the server names it and checks its bytes). */
export function useAddAnnouncementAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, idempotencyKey }: { id: string; file: File; idempotencyKey: string }) =>
      call(api.attach, { params: { id }, body: file }, { idempotencyKey }),
    onSuccess: (_attachment, { id }) => queryClient.invalidateQueries({ queryKey: endpointKey(api.open, { params: { id } }) }),
  });
}

/** Organizations whose staff an announcement to the area would reach, for the audience picker. */
export function useAudienceOrganizations(areaCode: string | undefined, q: string) {
  const query = { area_code: areaCode ?? "", q: q || undefined };
  return useQuery({
    queryKey: endpointKey(api.audienceOrganizations, { query }),
    queryFn: ({ signal }) => call(api.audienceOrganizations, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled: areaCode !== undefined,
  });
}
