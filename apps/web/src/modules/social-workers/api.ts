import type {
  OrganizationRef,
  Page,
  SocialWorker,
  SocialWorkerCommunitiesSet,
  SocialWorkerCreate,
  SocialWorkerLevel,
  SocialWorkerPage,
  SocialWorkerPost,
  SocialWorkerPostCreate,
  SocialWorkerTraining,
  SocialWorkerTrainingCreate,
  SocialWorkerTrainingPage,
  SocialWorkerUpdate,
  Workforce,
  WorkforceQuery,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../ui/api";

export type WorkerListFilters = {
  q?: string | undefined;
  level?: SocialWorkerLevel | undefined;
  status?: "active" | "left" | undefined;
  organization_id?: string | undefined;
  sort?: "name" | "level" | "certificate_year" | "updated_at" | undefined;
  order?: "asc" | "desc" | undefined;
};
export type WorkerListParams = WorkerListFilters & { cursor?: string | undefined; limit: number };

export const workerKeys = {
  all: ["social-workers"] as const,
  lists: () => ["social-workers", "list"] as const,
  list: (params: WorkerListParams) => ["social-workers", "list", params] as const,
  detail: (id: string) => ["social-workers", "detail", id] as const,
  trainings: (id: string, cursor: string | undefined) => ["social-workers", "trainings", id, cursor] as const,
  posts: (id: string) => ["social-workers", "posts", id] as const,
  workforce: (query: WorkforceQuery) => ["social-workers", "workforce", query] as const,
  organizations: (q: string) => ["social-orgs", "picker", q] as const,
};

const path = (id: string, rest = "") => `/social-workers/${encodeURIComponent(id)}${rest}`;

/** One page of social workers in scope, filtered and sorted on the server. */
export function useWorkerList(params: WorkerListParams) {
  return useQuery({
    queryKey: workerKeys.list(params),
    queryFn: ({ signal }) => apiRequest<SocialWorkerPage>("/social-workers", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One social worker with training hours this year. */
export function useWorker(id: string) {
  return useQuery({ queryKey: workerKeys.detail(id), queryFn: ({ signal }) => apiRequest<SocialWorker>(path(id), { signal }) });
}

export function useTrainings(id: string, cursor: string | undefined) {
  return useQuery({
    queryKey: workerKeys.trainings(id, cursor),
    queryFn: ({ signal }) => apiRequest<SocialWorkerTrainingPage>(path(id, "/trainings"), { query: { cursor, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePosts(id: string) {
  return useQuery({
    queryKey: workerKeys.posts(id),
    queryFn: ({ signal }) => apiRequest<{ items: SocialWorkerPost[] }>(path(id, "/posts"), { signal }),
  });
}

export function useWorkforce(query: WorkforceQuery | undefined) {
  return useQuery({
    queryKey: workerKeys.workforce(query ?? { area_code: "", by: "street" }),
    queryFn: ({ signal }) => apiRequest<Workforce>("/social-workers/workforce", { query, signal }),
    enabled: query !== undefined,
  });
}

/** Organizations to pick as employer. */
export function useOrganizationOptions(q: string) {
  return useQuery({
    queryKey: workerKeys.organizations(q),
    queryFn: ({ signal }) => apiRequest<Page<OrganizationRef>>("/social-orgs", { query: { q, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (worker: SocialWorker | undefined, id?: string) => {
    if (worker) {
      queryClient.setQueryData(workerKeys.detail(worker.id), worker);
    } else if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: workerKeys.detail(id) });
    }
    void queryClient.invalidateQueries({ queryKey: workerKeys.lists() });
  };
}

function isWorker(value: unknown): value is SocialWorker {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["version"] === "number";
}

/** Registers a social worker (409 SOCIAL_WORKER_EXISTS for a taken certificate number). */
export function useCreateWorker() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialWorkerCreate & { idempotencyKey: string }) =>
      apiRequest<SocialWorker>("/social-workers", { method: "POST", body, idempotencyKey }),
    onSuccess: (worker) => settle(worker),
  });
}

/** Changes a worker; on 409 VERSION_CONFLICT the current copy replaces the cached one. */
export function useUpdateWorker(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: SocialWorkerUpdate) => apiRequest<SocialWorker>(path(id), { method: "PATCH", body }),
    onSuccess: (worker) => settle(worker),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        const current = error.problem.current;
        settle(isWorker(current) ? current : undefined, id);
      }
    },
  });
}

export function useSetCommunities(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: SocialWorkerCommunitiesSet) => apiRequest<SocialWorker>(path(id, "/communities"), { method: "PUT", body }),
    onSuccess: (worker) => settle(worker),
    onError: () => settle(undefined, id),
  });
}

export function useAddTraining(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialWorkerTrainingCreate & { idempotencyKey: string }) =>
      apiRequest<SocialWorkerTraining>(path(id, "/trainings"), { method: "POST", body, idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["social-workers", "trainings", id] });
      void queryClient.invalidateQueries({ queryKey: workerKeys.detail(id) });
    },
  });
}

export function useAddPost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialWorkerPostCreate & { idempotencyKey: string }) =>
      apiRequest<SocialWorkerPost>(path(id, "/posts"), { method: "POST", body, idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workerKeys.posts(id) }),
  });
}
