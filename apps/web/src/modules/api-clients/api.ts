import { apiClientEndpoints as api, type ApiClientCreate, type ApiClientStatus } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointFamily, endpointKey } from "../../ui/api";

export const apiClientKeys = {
  all: endpointFamily(api.list),
  list: (params: { cursor?: string | undefined; limit: number }) => endpointKey(api.list, { query: params }),
};

/** API clients in the administrator's scope, newest first. */
export function useApiClients(params: { cursor?: string | undefined; limit: number }) {
  return useQuery({
    queryKey: apiClientKeys.list(params),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Registers a client; the answer carries the key, shown only once. */
export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ApiClientCreate & { idempotencyKey: string }) =>
      call(api.create, { body }, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  });
}

/** Enables or disables a client's key (version checked; a conflict refreshes the list). */
export function useSetApiClientStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ApiClientStatus & { id: string }) => call(api.setStatus, { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  });
}
