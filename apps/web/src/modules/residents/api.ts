import type {
  HouseholdCreate,
  HouseholdDetail,
  HouseholdPage,
  Resident,
  ResidentAccount,
  ResidentAccountPage,
  ResidentOwnLink,
  ResidentSelfLink,
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
import { authKeys } from "../auth";

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
  own: () => ["residents", "own"] as const,
  accounts: () => ["resident-accounts"] as const,
  accountList: (params: ResidentAccountParams) => ["resident-accounts", "list", params] as const,
};

export type ResidentAccountParams = { resident_id?: string; area_code?: string; linked?: "true" | "false"; limit: number };

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

/** The signed-in resident's own record (only when their account is linked). */
export function useOwnResident(enabled: boolean) {
  return useQuery({
    queryKey: residentKeys.own(),
    queryFn: ({ signal }) => apiRequest<Resident>("/me/resident", { signal }),
    enabled,
  });
}

/** The resident links their account: name, ID number and phone must match (422 RESIDENT_LINK_NO_MATCH, 429 after 5 tries). */
export function useLinkOwnResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentSelfLink) => apiRequest<ResidentOwnLink>("/me/resident-link", { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
      void queryClient.invalidateQueries({ queryKey: residentKeys.own() });
    },
  });
}

/** Resident accounts in the staff's scope (by linked record, community, or linked state). */
export function useResidentAccounts(params: ResidentAccountParams, enabled = true) {
  return useQuery({
    queryKey: residentKeys.accountList(params),
    queryFn: ({ signal }) => apiRequest<ResidentAccountPage>("/resident-accounts", { query: params, signal }),
    enabled,
  });
}

/** Staff link a resident account to a record, or remove the link (both audited on the server). */
export function useResidentLink() {
  const queryClient = useQueryClient();
  const settle = () => void queryClient.invalidateQueries({ queryKey: residentKeys.accounts() });
  return {
    link: useMutation({
      mutationFn: ({ userId, residentId }: { userId: string; residentId: string }) =>
        apiRequest<ResidentAccount>(`/resident-accounts/${encodeURIComponent(userId)}/link`, {
          method: "PUT",
          body: { resident_id: residentId },
        }),
      onSuccess: settle,
    }),
    unlink: useMutation({
      mutationFn: (userId: string) => apiRequest<null>(`/resident-accounts/${encodeURIComponent(userId)}/link`, { method: "DELETE" }),
      onSuccess: settle,
    }),
  };
}
