import {
  leadershipGroupEndpoints as groups,
  planEndpoints as plans,
  type LeadershipGroupCreate,
  type LeadershipGroupUpdate,
  type PlanCreate,
  type PlanTargetCreate,
  type ProgressReportCreate,
  type ResponsibilityCreate,
} from "@sanshe/contracts/leadership";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointFamily, endpointKey } from "../../ui/api";

/** Every leadership query is refreshed after a write (groups, plans and targets depend on each other). */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: endpointFamily(groups.list) });
}

export function useGroups(area: string | undefined, cursor: string | undefined) {
  const query = { area, cursor, limit: 20 };
  return useQuery({
    queryKey: endpointKey(groups.list, { query }),
    queryFn: ({ signal }) => call(groups.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResponsibilities(groupId: string) {
  const input = { params: { id: groupId }, query: { limit: 200 } };
  return useQuery({
    queryKey: endpointKey(groups.responsibilities, input),
    queryFn: ({ signal }) => call(groups.responsibilities, input, { signal }),
  });
}

export function useCreateGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: LeadershipGroupCreate; idempotencyKey: string }) =>
      call(groups.create, { body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LeadershipGroupUpdate }) => call(groups.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useAddResponsibility() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ groupId, body, idempotencyKey }: { groupId: string; body: ResponsibilityCreate; idempotencyKey: string }) =>
      call(groups.addResponsibility, { params: { id: groupId }, body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useRemoveResponsibility() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(groups.removeResponsibility, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function usePlans(year: number | undefined, cursor: string | undefined) {
  const query = { year, cursor, limit: 20 };
  return useQuery({
    queryKey: endpointKey(plans.list, { query }),
    queryFn: ({ signal }) => call(plans.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string | undefined) {
  const input = { params: { id: id ?? "" } };
  return useQuery({
    queryKey: endpointKey(plans.get, input),
    queryFn: ({ signal }) => call(plans.get, input, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PlanCreate; idempotencyKey: string }) =>
      call(plans.create, { body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { version: number; status?: "draft" | "published"; title?: string } }) =>
      call(plans.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useAddTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ planId, body, idempotencyKey }: { planId: string; body: PlanTargetCreate; idempotencyKey: string }) =>
      call(plans.addTarget, { params: { id: planId }, body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useReportProgress() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ targetId, body, idempotencyKey }: { targetId: string; body: ProgressReportCreate; idempotencyKey: string }) =>
      call(plans.reportProgress, { params: { id: targetId }, body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useProgressHistory(targetId: string | undefined) {
  const input = { params: { id: targetId ?? "" }, query: { limit: 50 } };
  return useQuery({
    queryKey: endpointKey(plans.progress, input),
    queryFn: ({ signal }) => call(plans.progress, input, { signal }),
    enabled: Boolean(targetId),
  });
}
