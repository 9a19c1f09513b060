import {
  socialOrgEndpoints,
  socialWorkerEndpoints as api,
  type SocialWorker,
  type SocialWorkerCommunitiesSet,
  type SocialWorkerCreate,
  type SocialWorkerLevel,
  type SocialWorkerPostCreate,
  type SocialWorkerTrainingCreate,
  type SocialWorkerUpdate,
  type WorkforceQuery,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

export type WorkerListFilters = {
  q?: string | undefined;
  level?: SocialWorkerLevel | undefined;
  status?: "active" | "left" | undefined;
  organization_id?: string | undefined;
  sort?: "name" | "level" | "certificate_year" | "updated_at" | undefined;
  order?: "asc" | "desc" | undefined;
};
export type WorkerListParams = WorkerListFilters & { cursor?: string | undefined; limit: number };

const byId = (id: string) => ({ params: { id } });

/** One page of social workers in scope, filtered and sorted on the server. */
export function useWorkerList(params: WorkerListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query: params }),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One social worker with training hours this year. */
export function useWorker(id: string) {
  return useQuery({ queryKey: endpointKey(api.get, byId(id)), queryFn: ({ signal }) => call(api.get, byId(id), { signal }) });
}

export function useTrainings(id: string, cursor: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.trainings, { ...byId(id), query: { cursor, limit: 50 } }),
    queryFn: ({ signal }) => call(api.trainings, { ...byId(id), query: { cursor, limit: 50 } }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePosts(id: string) {
  return useQuery({
    queryKey: endpointKey(api.posts, byId(id)),
    queryFn: ({ signal }) => call(api.posts, byId(id), { signal }),
  });
}

export function useWorkforce(query: WorkforceQuery | undefined) {
  return useQuery({
    queryKey: endpointKey(api.workforce, { query: query ?? { area_code: "", by: "street" } }),
    queryFn: ({ signal }) => call(api.workforce, { query: query ?? { area_code: "", by: "street" } }, { signal }),
    enabled: query !== undefined,
  });
}

/** Organizations to pick as employer. */
export function useOrganizationOptions(q: string) {
  return useQuery({
    queryKey: endpointKey(socialOrgEndpoints.list, { query: { q, limit: 50 } }),
    queryFn: ({ signal }) => call(socialOrgEndpoints.list, { query: { q, limit: 50 } }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (worker: SocialWorker | undefined, id?: string) => {
    if (worker) {
      queryClient.setQueryData(endpointKey(api.get, byId(worker.id)), worker);
    } else if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    }
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
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
      call(api.create, { body }, { idempotencyKey }),
    onSuccess: (worker) => settle(worker),
  });
}

/** Changes a worker; on 409 VERSION_CONFLICT the current copy replaces the cached one. */
export function useUpdateWorker(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: SocialWorkerUpdate) => call(api.update, { ...byId(id), body }),
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
    mutationFn: (body: SocialWorkerCommunitiesSet) => call(api.setCommunities, { ...byId(id), body }),
    onSuccess: (worker) => settle(worker),
    onError: () => settle(undefined, id),
  });
}

export function useAddTraining(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialWorkerTrainingCreate & { idempotencyKey: string }) =>
      call(api.addTraining, { ...byId(id), body }, { idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.trainings) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    },
  });
}

export function useAddPost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialWorkerPostCreate & { idempotencyKey: string }) =>
      call(api.addPost, { ...byId(id), body }, { idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: endpointKey(api.posts, byId(id)) }),
  });
}
