import {
  communityEndpoints as api,
  type Community,
  type CommunityKind,
  type CommunityProfileUpdate,
  type FacilityCreate,
  type FacilityUpdate,
  type GridCreate,
  type GridUpdate,
  type StandardFacilityType,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

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

const byCode = (code: string) => ({ params: { code } });
const facilitiesOf = (code: string) => ({ params: { code }, query: { limit: 200 } });
const gridsOf = (code: string) => ({ query: { area_code: code, limit: 200 } });

/** Communities in scope with profile and compliance (permission communities.read). */
export function useCommunityList(params: CommunityListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query: params }),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A page of the 三室两栏一站 compliance table with the jurisdiction summary. */
export function useCompliance(params: ComplianceParams) {
  return useQuery({
    queryKey: endpointKey(api.compliance, { query: params }),
    queryFn: ({ signal }) => call(api.compliance, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One community's profile (exists=false and nulls before anyone entered it). */
export function useCommunity(code: string) {
  return useQuery({
    queryKey: endpointKey(api.profile, byCode(code)),
    queryFn: ({ signal }) => call(api.profile, byCode(code), { signal }),
    retry: false,
  });
}

/** All facilities of one community (a community has a few dozen at most). */
export function useFacilities(code: string) {
  return useQuery({
    queryKey: endpointKey(api.facilities, facilitiesOf(code)),
    queryFn: ({ signal }) => call(api.facilities, facilitiesOf(code), { signal }),
  });
}

/** Grids of one community. */
export function useGrids(code: string) {
  return useQuery({
    queryKey: endpointKey(api.grids, gridsOf(code)),
    queryFn: ({ signal }) => call(api.grids, gridsOf(code), { signal }),
  });
}

function useInvalidateCommunity(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.profile, byCode(code)) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.facilities, facilitiesOf(code)) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.grids, gridsOf(code)) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.compliance) });
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
    mutationFn: (body: CommunityProfileUpdate) => call(api.putProfile, { ...byCode(code), body }),
    onSuccess: (community) => {
      queryClient.setQueryData(endpointKey(api.profile, byCode(code)), community);
      invalidate();
    },
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT") && isCommunity(error.problem.current)) {
        queryClient.setQueryData(endpointKey(api.profile, byCode(code)), error.problem.current);
      }
    },
  });
}

export function useCreateFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: FacilityCreate & { idempotencyKey: string }) =>
      call(api.createFacility, { ...byCode(code), body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ id, ...body }: FacilityUpdate & { id: string }) => call(api.updateFacility, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useDeleteFacility(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: (id: string) => call(api.deleteFacility, { params: { id } }),
    onSettled: invalidate,
  });
}

export function useCreateGrid(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: GridCreate & { idempotencyKey: string }) =>
      call(api.createGrid, { body }, { idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useUpdateGrid(code: string) {
  const invalidate = useInvalidateCommunity(code);
  return useMutation({
    mutationFn: ({ id, ...body }: GridUpdate & { id: string }) => call(api.updateGrid, { params: { id }, body }),
    onSettled: invalidate,
  });
}
