import {
  residentEndpoints,
  type Case,
  type CaseClose,
  type CaseCreate,
  type CaseGoalCreate,
  type CaseGoalUpdate,
  type CasePage,
  type CaseReviewCreate,
  type CaseRiskLevel,
  type CaseSessionCreate,
  type CaseStatus,
  type CaseUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, call, endpointKey, isProblem } from "../../ui/api";

export type CaseListFilters = {
  q?: string | undefined;
  status?: CaseStatus | undefined;
  risk_level?: CaseRiskLevel | undefined;
};

export type CaseListParams = CaseListFilters & { cursor?: string | undefined; limit: number };

export const caseKeys = {
  all: ["cases"] as const,
  lists: () => ["cases", "list"] as const,
  list: (params: CaseListParams) => ["cases", "list", params] as const,
  detail: (id: string) => ["cases", "detail", id] as const,
};

/** One page of the cases the caller may read (filtered on the server). */
export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: ({ signal }) => apiRequest<CasePage>("/cases", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One case file; every fetch is audited on the server, so it is not refetched on focus. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<Case>(`/cases/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

const residentOptionsInput = (q: string) => ({ query: { q: q || undefined, limit: 20, sort: "name" as const } });

/** Residents to open a case for (the caller's readable scope, searched by name). */
export function useResidentOptions(q: string) {
  return useQuery({
    queryKey: endpointKey(residentEndpoints.list, residentOptionsInput(q)),
    queryFn: ({ signal }) => call(residentEndpoints.list, residentOptionsInput(q), { signal }),
    placeholderData: keepPreviousData,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (saved?: Case, id?: string) => {
    if (saved) {
      queryClient.setQueryData(caseKeys.detail(saved.id), saved);
    } else if (id) {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
    }
    void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
  };
}

/** A write on one case returning the case; on VERSION_CONFLICT the cached copy is refreshed. */
function useCaseWrite<Body>(id: string, request: (body: Body) => Promise<Case>) {
  const settle = useSettle();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => settle(saved),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        settle(undefined, id);
      }
    },
  });
}

export function useOpenCase() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: CaseCreate & { idempotencyKey: string }) =>
      apiRequest<Case>("/cases", { method: "POST", body, idempotencyKey }),
    onSuccess: (saved) => settle(saved),
  });
}

const casePath = (id: string, rest = "") => `/cases/${encodeURIComponent(id)}${rest}`;

export const useUpdateCase = (id: string) =>
  useCaseWrite(id, (body: CaseUpdate) => apiRequest<Case>(casePath(id), { method: "PATCH", body }));
export const useAddGoal = (id: string) =>
  useCaseWrite(id, (body: CaseGoalCreate) => apiRequest<Case>(casePath(id, "/goals"), { method: "POST", body }));
export const useUpdateGoal = (id: string) =>
  useCaseWrite(id, ({ goalId, ...body }: CaseGoalUpdate & { goalId: string }) =>
    apiRequest<Case>(casePath(id, `/goals/${encodeURIComponent(goalId)}`), { method: "PATCH", body }),
  );
export const useAddSession = (id: string) =>
  useCaseWrite(id, (body: CaseSessionCreate) => apiRequest<Case>(casePath(id, "/sessions"), { method: "POST", body }));
export const useAddReview = (id: string) =>
  useCaseWrite(id, (body: CaseReviewCreate) => apiRequest<Case>(casePath(id, "/reviews"), { method: "POST", body }));
export const useCloseCase = (id: string) =>
  useCaseWrite(id, (body: CaseClose) => apiRequest<Case>(casePath(id, "/close"), { method: "POST", body }));
