import type {
  PublicSocialOrg,
  PublicSocialOrgPage,
  SocialOrg,
  SocialOrgCategory,
  SocialOrgCreate,
  SocialOrgGrade,
  SocialOrgPage,
  SocialOrgRegistration,
  SocialOrgServiceAreasPut,
  SocialOrgStationsPut,
  SocialOrgSort,
  SocialOrgStatus,
  SocialOrgUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../ui/api";

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

export const socialOrgKeys = {
  all: ["social-orgs"] as const,
  lists: () => ["social-orgs", "list"] as const,
  list: (params: SocialOrgListParams) => ["social-orgs", "list", params] as const,
  detail: (id: string) => ["social-orgs", "detail", id] as const,
  publicList: (params: PublicListParams) => ["social-orgs", "public", params] as const,
  publicDetail: (id: string) => ["social-orgs", "public", "detail", id] as const,
};

/** One page of organizations visible to the caller (social_orgs.read), filtered and sorted on the server. */
export function useSocialOrgList(params: SocialOrgListParams) {
  return useQuery({
    queryKey: socialOrgKeys.list(params),
    queryFn: ({ signal }) => apiRequest<SocialOrgPage>("/social-orgs", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One organization's full record with service areas and stations. */
export function useSocialOrg(id: string | undefined) {
  return useQuery({
    queryKey: socialOrgKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<SocialOrg>(`/social-orgs/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (org: SocialOrg | undefined, id?: string) => {
    if (org) {
      queryClient.setQueryData(socialOrgKeys.detail(org.id), org);
    } else if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: socialOrgKeys.detail(id) });
    }
    void queryClient.invalidateQueries({ queryKey: socialOrgKeys.lists() });
  };
}

/** Registers an organization (400 USCC_FORM_MISMATCH / INVALID_USCC field errors, 409 SOCIAL_ORG_EXISTS). */
export function useCreateSocialOrg() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: SocialOrgCreate & { idempotencyKey: string }) =>
      apiRequest<SocialOrg>("/social-orgs", { method: "POST", body, idempotencyKey }),
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
    mutationFn: (body: SocialOrgUpdate) => apiRequest<SocialOrg>(`/social-orgs/${encodeURIComponent(id)}`, { method: "PATCH", body }),
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
export function usePublicSocialOrgs(params: PublicListParams) {
  return useQuery({
    queryKey: socialOrgKeys.publicList(params),
    queryFn: ({ signal }) => apiRequest<PublicSocialOrgPage>("/public/social-orgs", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One active organization's public profile. */
export function usePublicSocialOrg(id: string | undefined) {
  return useQuery({
    queryKey: socialOrgKeys.publicDetail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<PublicSocialOrg>(`/public/social-orgs/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
  });
}

/** Replaces the served areas or the stations (PUT with the organization's version). */
export function usePutSocialOrgLists(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (input: { kind: "service-areas"; body: SocialOrgServiceAreasPut } | { kind: "stations"; body: SocialOrgStationsPut }) =>
      apiRequest<SocialOrg>(`/social-orgs/${encodeURIComponent(id)}/${input.kind}`, { method: "PUT", body: input.body }),
    onSuccess: (org) => settle(org),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        const current = error.problem.current;
        settle(isSocialOrg(current) ? current : undefined, id);
      }
    },
  });
}
