import type {
  HouseholdCreate,
  HouseholdDetail,
  HouseholdPage,
  Resident,
  ResidentCreate,
  ResidentGroup,
  ResidentMove,
  ResidentPage,
  ResidentUnmask,
  ResidentUnmasked,
  ResidentUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../ui/api";

export type ResidentListFilters = {
  q?: string | undefined;
  area_code?: string | undefined;
  group?: ResidentGroup | undefined;
  household_id?: string | undefined;
};

export type ResidentListParams = ResidentListFilters & { cursor?: string | undefined; limit: number };

export const residentKeys = {
  all: ["residents"] as const,
  lists: () => ["residents", "list"] as const,
  list: (params: ResidentListParams) => ["residents", "list", params] as const,
  count: (filters: ResidentListFilters) => ["residents", "list", "count", filters] as const,
  detail: (id: string) => ["residents", "detail", id] as const,
  households: () => ["households"] as const,
  householdList: (params: Record<string, unknown>) => ["households", "list", params] as const,
  household: (id: string) => ["households", "detail", id] as const,
};

/** One page of residents (masked), filtered on the server. */
export function useResidentList(params: ResidentListParams) {
  return useQuery({
    queryKey: residentKeys.list(params),
    queryFn: ({ signal }) => apiRequest<ResidentPage>("/residents", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many residents match the filters. */
export function useResidentCount(filters: ResidentListFilters) {
  return useQuery({
    queryKey: residentKeys.count(filters),
    queryFn: ({ signal }) => apiRequest<{ count: number }>("/residents/count", { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: residentKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<Resident>(`/residents/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (resident?: Resident, id?: string) => {
    if (resident) {
      queryClient.setQueryData(residentKeys.detail(resident.id), resident);
    } else if (id) {
      void queryClient.invalidateQueries({ queryKey: residentKeys.detail(id) });
    }
    void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: residentKeys.households() });
  };
}

/** Registers a resident (409 RESIDENT_EXISTS, 400 field errors). */
export function useCreateResident() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ResidentCreate & { idempotencyKey: string }) =>
      apiRequest<Resident>("/residents", { method: "POST", body, idempotencyKey }),
    onSuccess: (resident) => settle(resident),
  });
}

/** Changes a resident; on 409 VERSION_CONFLICT the cached copy is refreshed. */
export function useUpdateResident(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ResidentUpdate) => apiRequest<Resident>(`/residents/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: (resident) => settle(resident),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        settle(undefined, id);
      }
    },
  });
}

export function useMoveResident(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ResidentMove) =>
      apiRequest<{ id: string; area_code: string }>(`/residents/${encodeURIComponent(id)}/move`, { method: "POST", body }),
    onSuccess: () => settle(undefined, id),
  });
}

/** Asks for the full ID number and phone for a purpose; the server audits the request. */
export function useUnmaskResident(id: string) {
  return useMutation({
    mutationFn: (body: ResidentUnmask) =>
      apiRequest<ResidentUnmasked>(`/residents/${encodeURIComponent(id)}/unmask`, { method: "POST", body }),
  });
}

export function useHouseholdList(params: {
  q?: string | undefined;
  area_code?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}) {
  return useQuery({
    queryKey: residentKeys.householdList(params),
    queryFn: ({ signal }) => apiRequest<HouseholdPage>("/households", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: residentKeys.household(id ?? ""),
    queryFn: ({ signal }) => apiRequest<HouseholdDetail>(`/households/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useCreateHousehold() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: HouseholdCreate & { idempotencyKey: string }) =>
      apiRequest<HouseholdDetail>("/households", { method: "POST", body, idempotencyKey }),
    onSuccess: () => settle(),
  });
}
