import {
  socialOrgEndpoints as api,
  type SocialOrg,
  type SocialOrgCategory,
  type SocialOrgCreate,
  type SocialOrgGrade,
  type SocialOrgRegistration,
  type SocialOrgServiceAreasPut,
  type SocialOrgStationsPut,
  type SocialOrgSort,
  type SocialOrgStatus,
  type SocialOrgUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

export type SocialOrgListFilters = {
  q?: string | undefined;
  category?: SocialOrgCategory | undefined;
  grade?: SocialOrgGrade | undefined;
  status?: SocialOrgStatus | undefined;
  registration?: SocialOrgRegistration | undefined;
  sort?: SocialOrgSort | undefined;
};

export type SocialOrgListParams = SocialOrgListFilters & { cursor?: string | undefined; limit: number };
export type PublicListParams = {
  q?: string | undefined;
  category?: SocialOrgCategory | undefined;
  cursor?: string | undefined;
  limit: number;
};

const byId = (id: string) => ({ params: { id } });

/** One page of organizations visible to the caller (social_orgs.read), filtered and sorted on the server. */
export function useSocialOrgList(query: SocialOrgListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query }),
    queryFn: ({ signal }) => call(api.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One organization's full record with service areas and stations. */
export function useSocialOrg(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.get, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (org: SocialOrg | undefined, id?: string) => {
    if (org) {
      queryClient.setQueryData(endpointKey(api.get, byId(org.id)), org);
    } else if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    }
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
  };
}

/** Registers an organization (400 USCC_FORM_MISMATCH / INVALID_USCC field errors, 409 SOCIAL_ORG_EXISTS). */
export function useCreateSocialOrg() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialOrgCreate & { idempotencyKey: string }) =>
      call(api.create, { body }, { idempotencyKey }),
    onSuccess: (org) => settle(org),
  });
}

function isSocialOrg(value: unknown): value is SocialOrg {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["version"] === "number";
}

/** Changes an organization; a stale version (409 VERSION_CONFLICT) refreshes the cached copy. */
export function useUpdateSocialOrg(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: SocialOrgUpdate) => call(api.update, { params: { id }, body }),
    onSuccess: (org) => settle(org),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        const current = error.problem.current;
        settle(isSocialOrg(current) ? current : undefined, id);
      }
    },
  });
}

/** The public directory of active organizations (no sign-in). */
export function usePublicSocialOrgs(query: PublicListParams) {
  return useQuery({
    queryKey: endpointKey(api.publicList, { query }),
    queryFn: ({ signal }) => call(api.publicList, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One active organization's public profile. */
export function usePublicSocialOrg(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.publicGet, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.publicGet, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** Replaces the served areas or the stations (PUT with the organization's version). */
export function usePutSocialOrgLists(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (input: { kind: "service-areas"; body: SocialOrgServiceAreasPut } | { kind: "stations"; body: SocialOrgStationsPut }) =>
      input.kind === "service-areas"
        ? call(api.putServiceAreas, { params: { id }, body: input.body })
        : call(api.putStations, { params: { id }, body: input.body }),
    onSuccess: (org) => settle(org),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        const current = error.problem.current;
        settle(isSocialOrg(current) ? current : undefined, id);
      }
    },
  });
}
