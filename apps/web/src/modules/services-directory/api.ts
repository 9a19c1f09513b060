import {
  serviceDirectoryEndpoints as api,
  type ServiceCategory,
  type ServiceCreate,
  type ServicePriceKind,
  type ServiceStatus,
  type ServiceTier,
  type ServiceUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey } from "../../ui/api";

export type ServiceListParams = {
  q?: string | undefined;
  category?: ServiceCategory | undefined;
  tier?: ServiceTier | undefined;
  price_kind?: ServicePriceKind | undefined;
  status?: ServiceStatus | undefined;
  cursor?: string | undefined;
  limit: number;
};

export type PublicServiceParams = {
  q?: string | undefined;
  category?: ServiceCategory | undefined;
  cursor?: string | undefined;
  limit: number;
};

export const serviceKeys = {
  lists: () => endpointKey(api.list),
  list: (params: ServiceListParams) => endpointKey(api.list, { query: params }),
  publicList: (params: PublicServiceParams) => endpointKey(api.publicList, { query: params }),
};

/** One page of the services the caller may publish (services.write). */
export function useServiceList(params: ServiceListParams) {
  return useQuery({
    queryKey: serviceKeys.list(params),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of the public directory (no sign-in). */
export function usePublicServices(params: PublicServiceParams) {
  return useQuery({
    queryKey: serviceKeys.publicList(params),
    queryFn: ({ signal }) => call(api.publicList, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Creates a service (400 SERVICE_PRICE_REQUIRED, SERVICE_PROVIDER_INVALID, field errors). */
export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ServiceCreate & { idempotencyKey: string }) => call(api.create, { body }, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
  });
}

/** Changes, publishes or retires a service (409 VERSION_CONFLICT on a stale version). */
export function useUpdateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ServiceUpdate & { id: string }) => call(api.update, { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
  });
}
