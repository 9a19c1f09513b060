import type {
  PublicServicePage,
  Service,
  ServiceCategory,
  ServiceCreate,
  ServicePage,
  ServicePriceKind,
  ServiceStatus,
  ServiceTier,
  ServiceUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../ui/api";

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
  lists: () => ["services", "list"] as const,
  list: (params: ServiceListParams) => ["services", "list", params] as const,
  publicList: (params: PublicServiceParams) => ["services", "public", params] as const,
};

/** One page of the services the caller may publish (services.write). */
export function useServiceList(params: ServiceListParams) {
  return useQuery({
    queryKey: serviceKeys.list(params),
    queryFn: ({ signal }) => apiRequest<ServicePage>("/services", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of the public directory (no sign-in). */
export function usePublicServices(params: PublicServiceParams) {
  return useQuery({
    queryKey: serviceKeys.publicList(params),
    queryFn: ({ signal }) => apiRequest<PublicServicePage>("/public/services", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Creates a service (400 SERVICE_PRICE_REQUIRED, SERVICE_PROVIDER_INVALID, field errors). */
export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ServiceCreate & { idempotencyKey: string }) =>
      apiRequest<Service>("/services", { method: "POST", body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
  });
}

/** Changes, publishes or retires a service (409 VERSION_CONFLICT on a stale version). */
export function useUpdateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ServiceUpdate & { id: string }) =>
      apiRequest<Service>(`/services/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
  });
}
