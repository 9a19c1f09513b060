import type {
  ActionItem,
  ActionItemPage,
  ActionItemReturn,
  ActionItemStatus,
  ActionItemTransition,
  InvitationAnswer,
  InviteeOptions,
  Meeting,
  MeetingCreate,
  MeetingHistory,
  MeetingPage,
  MeetingStatus,
  MeetingUpdate,
  MinutesUpdate,
  ProgressCreate,
  ResolutionCreate,
  SummaryPublish,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../ui/api";

export type MeetingListParams = { q?: string | undefined; status?: MeetingStatus | undefined; cursor?: string | undefined; limit: number };

export const meetingKeys = {
  all: ["meetings"] as const,
  list: (params: MeetingListParams) => ["meetings", "list", params] as const,
  detail: (id: string) => ["meetings", "detail", id] as const,
  items: ["meetings", "action-items"] as const,
  item: (id: string) => ["meetings", "action-item", id] as const,
};

export function useMeetingList(params: MeetingListParams) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: ({ signal }) => apiRequest<MeetingPage>("/meetings", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<Meeting>(`/meetings/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useInviteeOptions(areaCode: string | undefined) {
  return useQuery({
    queryKey: ["meetings", "options", areaCode],
    queryFn: ({ signal }) => apiRequest<InviteeOptions>("/meetings/invitee-options", { query: { area_code: areaCode }, signal }),
    enabled: Boolean(areaCode),
  });
}

export function useMeetingHistory(areaCode: string | undefined) {
  return useQuery({
    queryKey: ["meetings", "history", areaCode],
    queryFn: ({ signal }) => apiRequest<MeetingHistory>("/meetings/history", { query: { area_code: areaCode }, signal }),
    enabled: Boolean(areaCode),
  });
}

export function useActionItems(params: {
  role: "owner" | "convener";
  status?: ActionItemStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}) {
  return useQuery({
    queryKey: [...meetingKeys.items, params],
    queryFn: ({ signal }) => apiRequest<ActionItemPage>("/action-items", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActionItem(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.item(id ?? ""),
    queryFn: ({ signal }) => apiRequest<ActionItem>(`/action-items/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

/** After a write: the returned copy replaces the cached one; lists are refetched. On 409 the copy is refreshed. */
function useMeetingWrite<Body>(id: string, request: (body: Body) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["meetings", "list"] });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.items });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id) });
      }
    },
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: MeetingCreate & { idempotencyKey: string }) =>
      apiRequest<Meeting>("/meetings", { method: "POST", body, idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["meetings", "list"] });
    },
  });
}

const meetingPath = (id: string, rest = "") => `/meetings/${encodeURIComponent(id)}${rest}`;

export const useUpdateMeeting = (id: string) =>
  useMeetingWrite(id, (body: MeetingUpdate) => apiRequest<Meeting>(meetingPath(id), { method: "PATCH", body }));
export const useAnswerInvitation = (id: string) =>
  useMeetingWrite(id, ({ inviteeId, ...body }: InvitationAnswer & { inviteeId: string }) =>
    apiRequest<Meeting>(meetingPath(id, `/invitees/${encodeURIComponent(inviteeId)}/answer`), { method: "POST", body }),
  );
export const useSignInInvitee = (id: string) =>
  useMeetingWrite(id, (inviteeId: string) =>
    apiRequest<Meeting>(meetingPath(id, `/invitees/${encodeURIComponent(inviteeId)}/sign-in`), { method: "POST", body: {} }),
  );
export const useSelfSignIn = (id: string) =>
  useMeetingWrite(id, (token: string) => apiRequest<Meeting>(meetingPath(id, "/sign-in"), { method: "POST", body: { token } }));
export const useSaveMinutes = (id: string) =>
  useMeetingWrite(id, (body: MinutesUpdate) => apiRequest<Meeting>(meetingPath(id, "/minutes"), { method: "PUT", body }));
export const usePublishSummary = (id: string) =>
  useMeetingWrite(id, (body: SummaryPublish) => apiRequest<Meeting>(meetingPath(id, "/summary"), { method: "POST", body }));
export const useAddResolution = (id: string) =>
  useMeetingWrite(id, ({ idempotencyKey, ...body }: ResolutionCreate & { idempotencyKey: string }) =>
    apiRequest<Meeting>(meetingPath(id, "/resolutions"), { method: "POST", body, idempotencyKey }),
  );

/** A write on one action item; the meeting pages showing it are refetched. */
function useActionItemWrite<Body>(id: string, request: (body: Body) => Promise<ActionItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKeys.item(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.items });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(saved.meeting_id) });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: meetingKeys.item(id) });
      }
    },
  });
}

const itemPath = (id: string, rest: string) => `/action-items/${encodeURIComponent(id)}${rest}`;

export const useAddProgress = (id: string) =>
  useActionItemWrite(id, ({ idempotencyKey, ...body }: ProgressCreate & { idempotencyKey: string }) =>
    apiRequest<ActionItem>(itemPath(id, "/progress"), { method: "POST", body, idempotencyKey }),
  );
export const useMarkDone = (id: string) =>
  useActionItemWrite(id, (body: ActionItemTransition) => apiRequest<ActionItem>(itemPath(id, "/done"), { method: "POST", body }));
export const useAcceptItem = (id: string) =>
  useActionItemWrite(id, (body: ActionItemTransition) => apiRequest<ActionItem>(itemPath(id, "/accept"), { method: "POST", body }));
export const useReturnItem = (id: string) =>
  useActionItemWrite(id, (body: ActionItemReturn) => apiRequest<ActionItem>(itemPath(id, "/return"), { method: "POST", body }));
