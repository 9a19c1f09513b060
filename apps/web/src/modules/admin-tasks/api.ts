import {
  adminTaskEndpoints as tasks,
  catalogEndpoints as catalog,
  communityQueueEndpoints as queue,
  departmentEndpoints as departments,
  workloadEndpoints as workload,
  type AdminTaskCreate,
  type AdminTaskDecision,
  type AdminTaskListQuery,
  type AdminTaskResubmit,
  type AdminTaskTakeBack,
  type CatalogItemCreate,
  type CatalogItemUpdate,
  type CatalogListQuery,
  type DepartmentCreate,
  type DepartmentListQuery,
  type DepartmentUpdate,
  type QueueQuery,
  type RefusalCreate,
  type RefusalListQuery,
  type UnadmittedQuery,
  type WorkloadQuery,
} from "@sanshe/contracts/admin-tasks";
import { areaEndpoints } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointFamily, endpointHref, endpointKey, isProblem } from "../../ui/api";

/** Query inputs of the lists: the contract's query with page size required (the pager sets it). */
type Paged<Q> = Partial<Q> & { limit: number };

/** After any write of this module: every task, queue, catalogue and department answer, and the workload. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: endpointFamily(tasks.list) });
    void queryClient.invalidateQueries({ queryKey: endpointFamily(workload.get) });
  };
}

/** A write that also refreshes everything when it fails with 409 (someone else changed the record). */
function refreshOnConflict(refresh: () => void) {
  return (error: unknown) => {
    if (isProblem(error) && error.status === 409) {
      refresh();
    }
  };
}

// ------------------------------------------------------------------ departments

export function useDepartments(query: Paged<DepartmentListQuery>, enabled = true) {
  return useQuery({
    queryKey: endpointKey(departments.list, { query }),
    queryFn: ({ signal }) => call(departments.list, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateDepartment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: DepartmentCreate & { idempotencyKey: string }) =>
      call(departments.create, { body }, { idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useUpdateDepartment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, ...body }: DepartmentUpdate & { id: string }) => call(departments.update, { params: { id }, body }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

// ------------------------------------------------------------------ catalogue

export function useCatalog(query: Paged<CatalogListQuery>, enabled = true) {
  return useQuery({
    queryKey: endpointKey(catalog.list, { query }),
    queryFn: ({ signal }) => call(catalog.list, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateCatalogItem() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: CatalogItemCreate & { idempotencyKey: string }) =>
      call(catalog.create, { body }, { idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useUpdateCatalogItem() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, ...body }: CatalogItemUpdate & { id: string }) => call(catalog.update, { params: { id }, body }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

export function useRemoveCatalogItem() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (id: string) => call(catalog.remove, { params: { id } }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

// ------------------------------------------------------------------ tasks

export function useAdminTasks(query: Paged<AdminTaskListQuery>) {
  return useQuery({
    queryKey: endpointKey(tasks.list, { query }),
    queryFn: ({ signal }) => call(tasks.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminTask(id: string) {
  return useQuery({
    queryKey: endpointKey(tasks.get, { params: { id } }),
    queryFn: ({ signal }) => call(tasks.get, { params: { id } }, { signal }),
  });
}

export function useApplyTask() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: AdminTaskCreate & { idempotencyKey: string }) =>
      call(tasks.apply, { body }, { idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useDecideTask(id: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: AdminTaskDecision & { idempotencyKey: string }) =>
      call(tasks.decide, { params: { id }, body }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

export function useTakeBackTask(id: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: AdminTaskTakeBack & { idempotencyKey: string }) =>
      call(tasks.takeBack, { params: { id }, body }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

export function useResubmitTask(id: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: AdminTaskResubmit & { idempotencyKey: string }) =>
      call(tasks.resubmit, { params: { id }, body }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

export function useWithdrawTask(id: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, version }: { version: number; idempotencyKey: string }) =>
      call(tasks.withdraw, { params: { id }, body: { version } }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

// ------------------------------------------------------------------ the community's queue

export function useQueue(query: Paged<QueueQuery>) {
  return useQuery({
    queryKey: endpointKey(queue.occurrences, { query }),
    queryFn: ({ signal }) => call(queue.occurrences, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompleteOccurrence() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, idempotencyKey, ...body }: { id: string; hours: number | null; version: number; idempotencyKey: string }) =>
      call(queue.complete, { params: { id }, body }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

export function useUnadmitted(query: Paged<UnadmittedQuery>, enabled = true) {
  return useQuery({
    queryKey: endpointKey(queue.unadmitted, { query }),
    queryFn: ({ signal }) => call(queue.unadmitted, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRefusals(query: Paged<RefusalListQuery>, enabled = true) {
  return useQuery({
    queryKey: endpointKey(queue.refusals, { query }),
    queryFn: ({ signal }) => call(queue.refusals, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRefuse() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ idempotencyKey, body }: { body: RefusalCreate; idempotencyKey: string }) =>
      call(queue.refuse, { body }, { idempotencyKey }),
    onSuccess: refresh,
    onError: refreshOnConflict(refresh),
  });
}

// ------------------------------------------------------------------ workload

export function useWorkload(query: WorkloadQuery | undefined) {
  return useQuery({
    queryKey: endpointKey(workload.get, { query: query ?? { area: "", from: "", to: "" } }),
    queryFn: ({ signal }) => call(workload.get, { query: query! }, { signal }),
    placeholderData: keepPreviousData,
    enabled: query !== undefined,
  });
}

/** The spreadsheet of a workload picture: a plain link, the session cookie goes along. */
export function workloadExportHref(query: WorkloadQuery): string {
  return endpointHref(workload.export, { query });
}

// ------------------------------------------------------------------ areas (for the pickers)

/** Areas by name inside the caller's jurisdiction (the target picker's search), any depth. */
export function useAreaSearch(q: string, enabled: boolean) {
  const query = { q, limit: 50 };
  return useQuery({
    queryKey: endpointKey(areaEndpoints.list, { query }),
    queryFn: ({ signal }) => call(areaEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled: enabled && q.trim() !== "",
  });
}

/** The children of an area (a street's communities), up to the largest page. */
export function useAreaChildren(parent: string | undefined) {
  const query = { parent: parent ?? "", limit: 200 };
  return useQuery({
    queryKey: endpointKey(areaEndpoints.list, { query }),
    queryFn: ({ signal }) => call(areaEndpoints.list, { query }, { signal }),
    enabled: parent !== undefined && parent !== "",
  });
}
