import {
  caseEndpoints,
  residentEndpoints,
  type Case,
  type CaseClose,
  type CaseCreate,
  type CaseGoalCreate,
  type CaseGoalUpdate,
  type CaseListQuery,
  type CaseReviewCreate,
  type CaseRiskLevel,
  type CaseSessionCreate,
  type CaseStatus,
  type CaseUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

export type CaseListFilters = {
  q?: string | undefined;
  status?: CaseStatus | undefined;
  risk_level?: CaseRiskLevel | undefined;
};

export type CaseListParams = CaseListFilters & { sort?: CaseListQuery["sort"]; cursor?: string | undefined; limit: number };

const caseInput = (id: string) => ({ params: { id } });

/** One page of the cases the caller may read (filtered on the server). */
export function useCaseList(query: CaseListParams) {
  return useQuery({
    queryKey: endpointKey(caseEndpoints.list, { query }),
    queryFn: ({ signal }) => call(caseEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One case file; every fetch is audited on the server, so it is not refetched on focus. */
export function useCase(id: string | undefined) {
  const input = caseInput(id ?? "");
  return useQuery({
    queryKey: endpointKey(caseEndpoints.get, input),
    queryFn: ({ signal }) => call(caseEndpoints.get, input, { signal }),
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
      queryClient.setQueryData(endpointKey(caseEndpoints.get, caseInput(saved.id)), saved);
    } else if (id) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(caseEndpoints.get, caseInput(id)) });
    }
    void queryClient.invalidateQueries({ queryKey: endpointKey(caseEndpoints.list) });
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
      call(caseEndpoints.open, { body }, { idempotencyKey }),
    onSuccess: (saved) => settle(saved),
  });
}

export const useUpdateCase = (id: string) => useCaseWrite(id, (body: CaseUpdate) => call(caseEndpoints.update, { ...caseInput(id), body }));
export const useAddGoal = (id: string) =>
  useCaseWrite(id, (body: CaseGoalCreate) => call(caseEndpoints.addGoal, { ...caseInput(id), body }));
export const useUpdateGoal = (id: string) =>
  useCaseWrite(id, ({ goalId, ...body }: CaseGoalUpdate & { goalId: string }) =>
    call(caseEndpoints.updateGoal, { params: { id, goal_id: goalId }, body }),
  );
export const useAddSession = (id: string) =>
  useCaseWrite(id, (body: CaseSessionCreate) => call(caseEndpoints.addSession, { ...caseInput(id), body }));
export const useAddReview = (id: string) =>
  useCaseWrite(id, (body: CaseReviewCreate) => call(caseEndpoints.addReview, { ...caseInput(id), body }));
export const useCloseCase = (id: string) => useCaseWrite(id, (body: CaseClose) => call(caseEndpoints.close, { ...caseInput(id), body }));
