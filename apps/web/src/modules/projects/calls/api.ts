import type {
  Application,
  ApplicationAttachment,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationResult,
  AreaPage,
  AwardInput,
  Call,
  CallCreate,
  CallDetail,
  CallListQuery,
  CallSuggestion,
  CallUpdate,
  CreditRecord,
  MyReview,
  NeedCategory,
  Page,
  Ranking,
  ReviewerCandidateList,
  ReviewScoresInput,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../../ui/api";

export type CallListParams = Partial<Omit<CallListQuery, "limit">> & { limit: number };

export const callKeys = {
  all: ["calls"] as const,
  list: (params: CallListParams) => ["calls", "list", params] as const,
  detail: (id: string) => ["calls", "detail", id] as const,
  applications: (callId: string) => ["calls", "applications", callId] as const,
  ranking: (callId: string) => ["calls", "ranking", callId] as const,
  application: (id: string) => ["calls", "application", id] as const,
  result: (id: string) => ["calls", "result", id] as const,
  suggestion: (area: string) => ["calls", "suggestion", area] as const,
  candidates: (area: string, q: string) => ["calls", "reviewer-candidates", area, q] as const,
  credit: (orgId: string) => ["calls", "credit", orgId] as const,
};

const callPath = (id: string, rest = "") => `/calls/${encodeURIComponent(id)}${rest}`;
const applicationPath = (id: string, rest = "") => `/applications/${encodeURIComponent(id)}${rest}`;

export function useCallList(params: CallListParams) {
  return useQuery({
    queryKey: callKeys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<Call>>("/calls", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: callKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<CallDetail>(callPath(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** A draft prefilled from the area's unmet needs (GET /calls/suggestion), for /calls/new?area=. */
export function useCallSuggestion(area: string | undefined) {
  return useQuery({
    queryKey: callKeys.suggestion(area ?? ""),
    queryFn: ({ signal }) => apiRequest<CallSuggestion>("/calls/suggestion", { query: { area }, signal }),
    enabled: Boolean(area),
    staleTime: Infinity,
  });
}

export function useReviewerCandidates(area: string | undefined, q: string) {
  return useQuery({
    queryKey: callKeys.candidates(area ?? "", q),
    queryFn: ({ signal }) => apiRequest<ReviewerCandidateList>("/calls/reviewer-candidates", { query: { area_code: area, q }, signal }),
    enabled: Boolean(area),
    placeholderData: keepPreviousData,
  });
}

export function useNeedCategoryList() {
  return useQuery({
    queryKey: ["needs", "categories"],
    queryFn: ({ signal }) => apiRequest<{ items: NeedCategory[] }>("/need-categories", { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The area and its direct children, as target-area options. */
export function useAreaChildren(area: string | undefined) {
  return useQuery({
    queryKey: ["areas", "children", area],
    queryFn: ({ signal }) => apiRequest<AreaPage>("/areas", { query: { parent: area, limit: 200 }, signal }),
    enabled: Boolean(area),
    staleTime: 10 * 60_000,
  });
}

export function useCallApplications(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.applications(callId),
    queryFn: ({ signal }) => apiRequest<{ items: Application[] }>(callPath(callId, "/applications"), { signal }),
    enabled,
  });
}

export function useRanking(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.ranking(callId),
    queryFn: ({ signal }) => apiRequest<Ranking>(callPath(callId, "/ranking"), { signal }),
    enabled,
  });
}

export function useApplication(id: string | null | undefined) {
  return useQuery({
    queryKey: callKeys.application(id ?? ""),
    queryFn: ({ signal }) => apiRequest<ApplicationDetail>(applicationPath(id ?? ""), { signal }),
    enabled: Boolean(id),
  });
}

export function useApplicationResult(id: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.result(id ?? ""),
    queryFn: ({ signal }) => apiRequest<ApplicationResult>(applicationPath(id ?? "", "/result"), { signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useCreditRecord(orgId: string | undefined) {
  return useQuery({
    queryKey: callKeys.credit(orgId ?? ""),
    queryFn: ({ signal }) => apiRequest<CreditRecord>(`/social-orgs/${encodeURIComponent(orgId ?? "")}/credit`, { signal }),
    enabled: Boolean(orgId),
  });
}

/** After a write on a call: the returned copy replaces the cached one; lists are refetched; 409 refreshes the copy. */
function useCallWrite<Body>(id: string, request: (body: Body) => Promise<CallDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(callKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "applications", saved.id] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "ranking", saved.id] });
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        void queryClient.invalidateQueries({ queryKey: callKeys.detail(id) });
      }
    },
  });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: CallCreate & { idempotencyKey: string }) =>
      apiRequest<CallDetail>("/calls", { method: "POST", body, idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(callKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}

/** Publishes a call just created (its id is known only once the creation answered). */
export function usePublishNewCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<CallDetail>(callPath(id, "/publish"), { method: "POST", body: { version } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(callKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}

export const useUpdateCall = (id: string) =>
  useCallWrite(id, (body: CallUpdate) => apiRequest<CallDetail>(callPath(id), { method: "PATCH", body }));
export const usePublishCall = (id: string) =>
  useCallWrite(id, (body: { version: number }) => apiRequest<CallDetail>(callPath(id, "/publish"), { method: "POST", body }));
export const useCancelCall = (id: string) =>
  useCallWrite(id, (body: { version: number }) => apiRequest<CallDetail>(callPath(id, "/cancel"), { method: "POST", body }));
export const useAwardCall = (id: string) =>
  useCallWrite(id, (body: AwardInput) => apiRequest<CallDetail>(callPath(id, "/award"), { method: "POST", body }));

/** Writes on an application: the call (viewer.my_application_id) and the application are refetched. */
function useApplicationWrite<Body, Result>(callId: string, request: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: callKeys.detail(callId) });
      void queryClient.invalidateQueries({ queryKey: ["calls", "application"] });
      void queryClient.invalidateQueries({ queryKey: callKeys.applications(callId) });
      void queryClient.invalidateQueries({ queryKey: callKeys.ranking(callId) });
    },
  });
}

export const useApply = (callId: string) =>
  useApplicationWrite(callId, ({ idempotencyKey, ...body }: ApplicationCreate & { idempotencyKey: string }) =>
    apiRequest<ApplicationDetail>(callPath(callId, "/applications"), { method: "POST", body, idempotencyKey }),
  );
export const useWithdraw = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: { version: number }) =>
    apiRequest<ApplicationDetail>(applicationPath(id, "/withdraw"), { method: "POST", body }),
  );
export const useUploadAttachment = (callId: string, id: string) =>
  useApplicationWrite(callId, ({ docType, file }: { docType: string; file: File }) =>
    apiRequest<ApplicationAttachment>(applicationPath(id, "/attachments"), {
      method: "POST",
      query: { doc_type: docType, name: file.name.slice(0, 200) },
      // The server judges the type by the bytes; the declared type is not trusted.
      body: new Blob([file], { type: "application/octet-stream" }),
    }),
  );
export const useDeclare = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: { conflicted: boolean; reason?: string | null }) =>
    apiRequest<MyReview>(applicationPath(id, "/declaration"), { method: "PUT", body }),
  );
export const useScore = (callId: string, id: string) =>
  useApplicationWrite(callId, (body: ReviewScoresInput) => apiRequest<MyReview>(applicationPath(id, "/scores"), { method: "PUT", body }));

/** Download address of an application's document (the session cookie authorizes it). */
export const attachmentHref = (applicationId: string, attachmentId: string) =>
  `/api/v1/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
