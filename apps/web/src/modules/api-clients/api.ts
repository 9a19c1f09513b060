import type { ApiClient, ApiClientCreate, ApiClientCreated, ApiClientStatus, Page } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../ui/api";

export const apiClientKeys = {
  all: ["api-clients"] as const,
  list: (params: { cursor?: string | undefined; limit: number }) => ["api-clients", "list", params] as const,
};

/** API clients in the administrator's scope, newest first. */
export function useApiClients(params: { cursor?: string | undefined; limit: number }) {
  return useQuery({
    queryKey: apiClientKeys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<ApiClient>>("/api-clients", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Registers a client; the answer carries the key, shown only once. */
export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ApiClientCreate & { idempotencyKey: string }) =>
      apiRequest<ApiClientCreated>("/api-clients", { method: "POST", body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  });
}

/** Enables or disables a client's key (version checked; a conflict refreshes the list). */
export function useSetApiClientStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ApiClientStatus & { id: string }) =>
      apiRequest<ApiClient>(`/api-clients/${encodeURIComponent(id)}/status`, { method: "PUT", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  });
}
