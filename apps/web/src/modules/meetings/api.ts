import {
  actionItemEndpoints,
  meetingEndpoints,
  needEndpoints,
  type ActionItem,
  type ActionItemDone,
  type MinutesAmendment,
  type ActionItemReturn,
  type ActionItemSort,
  type ActionItemStatus,
  type ActionItemTransition,
  type InvitationAnswer,
  type Meeting,
  type MeetingCreate,
  type MeetingSort,
  type MeetingStatus,
  type MeetingUpdate,
  type MinutesUpdate,
  type ProgressCreate,
  type ResolutionCreate,
  type SortValue,
  type SummaryPublish,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

export type MeetingListParams = {
  q?: string | undefined;
  status?: MeetingStatus | undefined;
  sort?: SortValue<MeetingSort> | undefined;
  cursor?: string | undefined;
  limit: number;
};

const meetingInput = (id: string) => ({ params: { id } });
const actionItemInput = (id: string) => ({ params: { id } });

export function useMeetingList(query: MeetingListParams) {
  return useQuery({
    queryKey: endpointKey(meetingEndpoints.list, { query }),
    queryFn: ({ signal }) => call(meetingEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  const input = meetingInput(id ?? "");
  return useQuery({
    queryKey: endpointKey(meetingEndpoints.get, input),
    queryFn: ({ signal }) => call(meetingEndpoints.get, input, { signal }),
    enabled: id !== undefined,
  });
}

export function useInviteeOptions(areaCode: string | undefined) {
  const input = { query: { area_code: areaCode ?? "" } };
  return useQuery({
    queryKey: endpointKey(meetingEndpoints.inviteeOptions, input),
    queryFn: ({ signal }) => call(meetingEndpoints.inviteeOptions, input, { signal }),
    enabled: Boolean(areaCode),
  });
}

export function useMeetingHistory(areaCode: string | undefined) {
  const input = { query: { area_code: areaCode ?? "" } };
  return useQuery({
    queryKey: endpointKey(meetingEndpoints.history, input),
    queryFn: ({ signal }) => call(meetingEndpoints.history, input, { signal }),
    enabled: Boolean(areaCode),
  });
}

/** The need categories an agenda item may name (the needs module's own list). */
export function useNeedCategoryOptions(enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(needEndpoints.categories, {}),
    queryFn: ({ signal }) => call(needEndpoints.categories, {}, { signal }),
    enabled,
  });
}

export function useActionItems(query: {
  role: "owner" | "convener";
  status?: ActionItemStatus | undefined;
  sort?: SortValue<ActionItemSort> | undefined;
  cursor?: string | undefined;
  limit: number;
}) {
  return useQuery({
    queryKey: endpointKey(actionItemEndpoints.list, { query }),
    queryFn: ({ signal }) => call(actionItemEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActionItem(id: string | undefined) {
  const input = actionItemInput(id ?? "");
  return useQuery({
    queryKey: endpointKey(actionItemEndpoints.get, input),
    queryFn: ({ signal }) => call(actionItemEndpoints.get, input, { signal }),
    enabled: id !== undefined,
  });
}

/** After a write: the returned copy replaces the cached one; lists are refetched. On 409 the copy is refreshed. */
function useMeetingWrite<Body>(id: string, request: (body: Body) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(meetingEndpoints.get, meetingInput(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(meetingEndpoints.list) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(actionItemEndpoints.list) });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: endpointKey(meetingEndpoints.get, meetingInput(id)) });
      }
    },
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: MeetingCreate & { idempotencyKey: string }) =>
      call(meetingEndpoints.convene, { body }, { idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(meetingEndpoints.get, meetingInput(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(meetingEndpoints.list) });
    },
  });
}

export const useUpdateMeeting = (id: string) =>
  useMeetingWrite(id, (body: MeetingUpdate) => call(meetingEndpoints.update, { ...meetingInput(id), body }));
export const useAnswerInvitation = (id: string) =>
  useMeetingWrite(id, ({ inviteeId, ...body }: InvitationAnswer & { inviteeId: string }) =>
    call(meetingEndpoints.answerInvitation, { params: { id, invitee_id: inviteeId }, body }),
  );
export const useSignInInvitee = (id: string) =>
  useMeetingWrite(id, (inviteeId: string) => call(meetingEndpoints.signInInvitee, { params: { id, invitee_id: inviteeId } }));
export const useSelfSignIn = (id: string) =>
  useMeetingWrite(id, (token: string) => call(meetingEndpoints.signIn, { ...meetingInput(id), body: { token } }));
export const useSaveMinutes = (id: string) =>
  useMeetingWrite(id, (body: MinutesUpdate) => call(meetingEndpoints.saveMinutes, { ...meetingInput(id), body }));
export const useAmendMinutes = (id: string) =>
  useMeetingWrite(id, (body: MinutesAmendment) => call(meetingEndpoints.amendMinutes, { ...meetingInput(id), body }));
export const usePublishSummary = (id: string) =>
  useMeetingWrite(id, (body: SummaryPublish) => call(meetingEndpoints.publishSummary, { ...meetingInput(id), body }));
export const useAddResolution = (id: string) =>
  useMeetingWrite(id, ({ idempotencyKey, ...body }: ResolutionCreate & { idempotencyKey: string }) =>
    call(meetingEndpoints.addResolution, { ...meetingInput(id), body }, { idempotencyKey }),
  );

/** A write on one action item; the meeting pages showing it are refetched. */
function useActionItemWrite<Body>(id: string, request: (body: Body) => Promise<ActionItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(actionItemEndpoints.get, actionItemInput(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(actionItemEndpoints.list) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(meetingEndpoints.get, meetingInput(saved.meeting_id)) });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: endpointKey(actionItemEndpoints.get, actionItemInput(id)) });
      }
    },
  });
}

export const useAddProgress = (id: string) =>
  useActionItemWrite(id, ({ idempotencyKey, ...body }: ProgressCreate & { idempotencyKey: string }) =>
    call(actionItemEndpoints.addProgress, { ...actionItemInput(id), body }, { idempotencyKey }),
  );
export const useMarkDone = (id: string) =>
  useActionItemWrite(id, (body: ActionItemDone) => call(actionItemEndpoints.markDone, { ...actionItemInput(id), body }));
export const useAcceptItem = (id: string) =>
  useActionItemWrite(id, (body: ActionItemTransition) => call(actionItemEndpoints.accept, { ...actionItemInput(id), body }));
export const useReturnItem = (id: string) =>
  useActionItemWrite(id, (body: ActionItemReturn) => call(actionItemEndpoints.return, { ...actionItemInput(id), body }));
