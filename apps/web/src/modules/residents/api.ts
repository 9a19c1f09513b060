import {
  residentAccountEndpoints as accountApi,
  residentEndpoints as api,
  type HouseholdCreate,
  type Resident,
  type ResidentSelfLink,
  type ResidentCreate,
  type ResidentGroup,
  type ResidentMove,
  type ResidentUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";
import { authKeys } from "../auth";

export type ResidentListFilters = {
  q?: string | undefined;
  area_code?: string | undefined;
  group?: ResidentGroup | undefined;
  household_id?: string | undefined;
};

export type ResidentListParams = ResidentListFilters & { cursor?: string | undefined; limit: number };

const byId = (id: string) => ({ params: { id } });

export type ResidentAccountParams = { resident_id?: string; area_code?: string; linked?: "true" | "false"; limit: number };

/** One page of residents (masked), filtered on the server. */
export function useResidentList(params: ResidentListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query: params }),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many residents match the filters. */
export function useResidentCount(filters: ResidentListFilters) {
  return useQuery({
    queryKey: endpointKey(api.count, { query: filters }),
    queryFn: ({ signal }) => call(api.count, { query: filters }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.get, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (resident?: Resident, id?: string) => {
    if (resident) {
      queryClient.setQueryData(endpointKey(api.get, byId(resident.id)), resident);
    } else if (id) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    }
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.count) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.households) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.household) });
  };
}

/** Registers a resident (409 RESIDENT_EXISTS, 400 field errors). */
export function useCreateResident() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ResidentCreate & { idempotencyKey: string }) =>
      call(api.create, { body }, { idempotencyKey }),
    onSuccess: (resident) => settle(resident),
  });
}

/** Changes a resident; on 409 VERSION_CONFLICT the cached copy is refreshed. */
export function useUpdateResident(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ResidentUpdate) => call(api.update, { ...byId(id), body }),
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
    mutationFn: (body: ResidentMove) => call(api.move, { ...byId(id), body }),
    onSuccess: () => settle(undefined, id),
  });
}

/** Asks for the full ID number and phone for a purpose; the server audits the request. */
/** Shows the resident's full ID number and phone for a stated purpose (audited on the server). */
export function useUnmaskResident(id: string) {
  return useMutation({
    mutationFn: (purpose: string) => call(api.unmask, { ...byId(id), body: { fields: ["id_number", "phone"], purpose } }),
  });
}

export function useHouseholdList(params: {
  q?: string | undefined;
  area_code?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}) {
  return useQuery({
    queryKey: endpointKey(api.households, { query: params }),
    queryFn: ({ signal }) => call(api.households, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.household, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.household, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

export function useCreateHousehold() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: HouseholdCreate & { idempotencyKey: string }) =>
      call(api.createHousehold, { body }, { idempotencyKey }),
    onSuccess: () => settle(),
  });
}

/** The signed-in resident's own record (only when their account is linked). */
export function useOwnResident(enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(accountApi.own, {}),
    queryFn: ({ signal }) => call(accountApi.own, {}, { signal }),
    enabled,
  });
}

/** The resident links their account: name, ID number and phone must match (422 RESIDENT_LINK_NO_MATCH, 429 after 5 tries). */
export function useLinkOwnResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentSelfLink) => call(accountApi.linkOwn, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
      void queryClient.invalidateQueries({ queryKey: endpointKey(accountApi.own) });
    },
  });
}

/** Resident accounts in the staff's scope (by linked record, community, or linked state). */
export function useResidentAccounts(params: ResidentAccountParams, enabled = true) {
  return useQuery({
    queryKey: endpointKey(accountApi.list, { query: params }),
    queryFn: ({ signal }) => call(accountApi.list, { query: params }, { signal }),
    enabled,
  });
}

/** Staff link a resident account to a record, or remove the link (both audited on the server). */
export function useResidentLink() {
  const queryClient = useQueryClient();
  const settle = () => void queryClient.invalidateQueries({ queryKey: endpointKey(accountApi.list) });
  return {
    link: useMutation({
      mutationFn: ({ userId, residentId }: { userId: string; residentId: string }) =>
        call(accountApi.link, { params: { user_id: userId }, body: { resident_id: residentId } }),
      onSuccess: settle,
    }),
    unlink: useMutation({
      mutationFn: (userId: string) => call(accountApi.unlink, { params: { user_id: userId } }),
      onSuccess: settle,
    }),
  };
}
