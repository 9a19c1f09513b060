import {
  applicationEndpoints,
  callEndpoints as api,
  creditEndpoints,
  needEndpoints,
  reviewEndpoints,
  type ApplicationCreate,
  type ApplicationListQuery,
  type AwardInput,
  type CallCreate,
  type CallDetail,
  type CallListQuery,
  type CallUpdate,
  type ReviewScoresInput,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointHref, endpointKey, isProblem } from "../../../ui/api";

export type CallListParams = Partial<Omit<CallListQuery, "limit">> & { limit: number };
export type ApplicationListParams = Partial<Omit<ApplicationListQuery, "limit">> & { limit: number };

const byId = (id: string) => ({ params: { id } });

export function useCallList(query: CallListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query }),
    queryFn: ({ signal }) => call(api.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.get, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** A draft prefilled from the area's unmet needs (GET /calls/suggestion), for /calls/new?area=. */
export function useCallSuggestion(area: string | undefined) {
  const query = { area: area ?? "" };
  return useQuery({
    queryKey: endpointKey(api.suggestion, { query }),
    queryFn: ({ signal }) => call(api.suggestion, { query }, { signal }),
    enabled: Boolean(area),
    staleTime: Infinity,
  });
}

export function useReviewerCandidates(area: string | undefined, q: string) {
  const query = { area_code: area ?? "", q };
  return useQuery({
    queryKey: endpointKey(api.reviewerCandidates, { query }),
    queryFn: ({ signal }) => call(api.reviewerCandidates, { query }, { signal }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}

/** The need categories (the same cache entry as the needs module's). */
export function useNeedCategoryList() {
  return useQuery({
    queryKey: endpointKey(needEndpoints.categories, {}),
    queryFn: ({ signal }) => call(needEndpoints.categories, {}, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The applications the user reads across calls (GET /applications), sorted and counted by the server. */
export function useApplicationList(query: ApplicationListParams) {
  return useQuery({
    queryKey: endpointKey(applicationEndpoints.search, { query }),
    queryFn: ({ signal }) => call(applicationEndpoints.search, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCallApplications(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(applicationEndpoints.list, byId(callId)),
    queryFn: ({ signal }) => call(applicationEndpoints.list, byId(callId), { signal }),
    enabled,
  });
}

export function useRanking(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(reviewEndpoints.ranking, byId(callId)),
    queryFn: ({ signal }) => call(reviewEndpoints.ranking, byId(callId), { signal }),
    enabled,
  });
}

export function useApplication(id: string | null | undefined) {
  return useQuery({
    queryKey: endpointKey(applicationEndpoints.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(applicationEndpoints.get, byId(id ?? ""), { signal }),
    enabled: Boolean(id),
  });
}

export function useApplicationResult(id: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(reviewEndpoints.result, byId(id ?? "")),
    queryFn: ({ signal }) => call(reviewEndpoints.result, byId(id ?? ""), { signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useCreditRecord(orgId: string | undefined) {
  return useQuery({
    queryKey: endpointKey(creditEndpoints.record, byId(orgId ?? "")),
    queryFn: ({ signal }) => call(creditEndpoints.record, byId(orgId ?? ""), { signal }),
    enabled: Boolean(orgId),
  });
}

/** After a write on a call: the returned copy replaces the cached one; lists are refetched; 409 refreshes the copy. */
function useCallWrite<Body>(id: string, request: (body: Body) => Promise<CallDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(api.get, byId(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(applicationEndpoints.list, byId(saved.id)) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(reviewEndpoints.ranking, byId(saved.id)) });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
      }
    },
  });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: CallCreate & { idempotencyKey: string }) => call(api.create, { body }, { idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(api.get, byId(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
    },
  });
}

/** Publishes a call just created (its id is known only once the creation answered). */
export function usePublishNewCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => call(api.publish, { params: { id }, body: { version } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(api.get, byId(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
    },
  });
}

export const useUpdateCall = (id: string) => useCallWrite(id, (body: CallUpdate) => call(api.update, { params: { id }, body }));
export const usePublishCall = (id: string) => useCallWrite(id, (body: { version: number }) => call(api.publish, { params: { id }, body }));
export const useCancelCall = (id: string) => useCallWrite(id, (body: { version: number }) => call(api.cancel, { params: { id }, body }));
export const useAwardCall = (id: string) => useCallWrite(id, (body: AwardInput) => call(reviewEndpoints.award, { params: { id }, body }));

/** Writes on an application: the call (viewer.my_application_id) and the application are refetched. */
function useApplicationWrite<Body, Result>(callId: string, request: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(callId)) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(applicationEndpoints.get) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(applicationEndpoints.list, byId(callId)) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(reviewEndpoints.ranking, byId(callId)) });
    },
  });
}

export const useApply = (callId: string) =>
  useApplicationWrite(callId, ({ idempotencyKey, ...body }: ApplicationCreate & { idempotencyKey: string }) =>
    call(applicationEndpoints.apply, { params: { id: callId }, body }, { idempotencyKey }),
  );
export const useWithdraw = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: { version: number }) => call(applicationEndpoints.withdraw, { params: { id }, body }));
export const useUploadAttachment = (callId: string, id: string) =>
  useApplicationWrite(callId, ({ docType, file }: { docType: string; file: File }) =>
    call(applicationEndpoints.attach, {
      params: { id },
      query: { doc_type: docType, name: file.name.slice(0, 200) },
      // The server judges the type by the bytes; the declared type is not trusted.
      body: new Blob([file], { type: "application/octet-stream" }),
    }),
  );
export const useDeclare = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: { conflicted: boolean; reason?: string | null }) =>
    call(reviewEndpoints.declare, { params: { id }, body }),
  );
export const useScore = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: ReviewScoresInput) => call(reviewEndpoints.score, { params: { id }, body }));

/** Download address of an application's document (the session cookie authorizes it). */
export const attachmentHref = (applicationId: string, attachmentId: string) =>
  endpointHref(applicationEndpoints.download, { params: { id: applicationId, attachmentId } });
