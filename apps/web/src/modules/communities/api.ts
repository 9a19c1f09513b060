import type {
  Community,
  CommunityKind,
  CommunityPage,
  CommunityProfileUpdate,
  CompliancePage,
  Facility,
  FacilityCreate,
  FacilityPage,
  FacilityUpdate,
  Grid,
  GridCreate,
  GridPage,
  GridUpdate,
  StandardFacilityType,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../ui/api";

export type CommunityListParams = {
  area_code?: string | undefined;
  kind?: CommunityKind | undefined;
  q?: string | undefined;
  compliant?: "true" | "false" | undefined;
  cursor?: string | undefined;
  limit: number;
};

export type ComplianceParams = {
  area_code?: string | undefined;
  missing?: StandardFacilityType | undefined;
  cursor?: string | undefined;
  limit: number;
};

export const communityKeys = {
  all: ["communities"] as const,
  lists: () => ["communities", "list"] as const,
  list: (params: CommunityListParams) => ["communities", "list", params] as const,
  compliance: (params: ComplianceParams) => ["communities", "compliance", params] as const,
  detail: (code: string) => ["communities", "detail", code] as const,
  facilities: (code: string) => ["communities", "facilities", code] as const,
  grids: (code: string) => ["communities", "grids", code] as const,
};

const path = (code: string) => `/communities/${encodeURIComponent(code)}`;

/** Communities in scope with profile and compliance (permission communities.read). */
export function useCommunityList(params: CommunityListParams) {
  return useQuery({
    queryKey: communityKeys.list(params),
    queryFn: ({ signal }) => apiRequest<CommunityPage>("/communities", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A page of the 三室两栏一站 compliance table with the jurisdiction summary. */
export function useCompliance(params: ComplianceParams) {
  return useQuery({
    queryKey: communityKeys.compliance(params),
    queryFn: ({ signal }) => apiRequest<CompliancePage>("/communities/compliance", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One community's profile (exists=false and nulls before anyone entered it). */
export function useCommunity(code: string) {
  return useQuery({
    queryKey: communityKeys.detail(code),
    queryFn: ({ signal }) => apiRequest<Community>(`${path(code)}/profile`, { signal }),
    retry: false,
  });
}

/** All facilities of one community (a community has a few dozen at most). */
export function useFacilities(code: string) {
  return useQuery({
    queryKey: communityKeys.facilities(code),
    queryFn: ({ signal }) => apiRequest<FacilityPage>(`${path(code)}/facilities`, { query: { limit: 200 }, signal }),
  });
}

/** Grids of one community. */
export function useGrids(code: string) {
  return useQuery({
    queryKey: communityKeys.grids(code),
    queryFn: ({ signal }) => apiRequest<GridPage>("/grids", { query: { area_code: code, limit: 200 }, signal }),
  });
}

function useInvalidateCommunity(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: communityKeys.detail(code) });
    void queryClient.invalidateQueries({ queryKey: communityKeys.facilities(code) });
    void queryClient.invalidateQueries({ queryKey: communityKeys.grids(code) });
    void queryClient.invalidateQueries({ queryKey: communityKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: ["communities", "compliance"] });
  };
}

function isCommunity(value: unknown): value is Community {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["version"] === "number";
}

/** Creates (version 0) or updates the profile; on 409 the current copy replaces the cached one. */
export function useSaveProfile(code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: (body: CommunityProfileUpdate) => apiRequest<Community>(`${path(code)}/profile`, { method: "PUT", body }),
    onSuccess: (community) => {
      queryClient.setQueryData(communityKeys.detail(code), community);
      invalidate();
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT") && isCommunity(error.problem.current)) {
        queryClient.setQueryData(communityKeys.detail(code), error.problem.current);
      }
    },
  });
}

export function useCreateFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: FacilityCreate & { idempotencyKey: string }) =>
      apiRequest<Facility>(`${path(code)}/facilities`, { method: "POST", body, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ id, ...body }: FacilityUpdate & { id: string }) =>
      apiRequest<Facility>(`/facilities/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSettled: invalidate,
  });
}

export function useDeleteFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/facilities/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
}

export function useCreateGrid(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: GridCreate & { idempotencyKey: string }) =>
      apiRequest<Grid>("/grids", { method: "POST", body, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateGrid(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ id, ...body }: GridUpdate & { id: string }) =>
      apiRequest<Grid>(`/grids/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSettled: invalidate,
  });
}
