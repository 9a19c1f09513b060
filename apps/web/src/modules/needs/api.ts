import {
  communityEndpoints,
  needEndpoints,
  referralEndpoints,
  residentEndpoints,
  routingRuleEndpoints,
  socialOrgEndpoints,
  socialWorkerEndpoints,
  type NeedConfirmation,
  type NeedCreate,
  type NeedListQuery,
  type NeedsDashboardQuery,
  type Page,
  type Referral,
  type ReferralListQuery,
  type ReferralReassign,
  type RoutingRule,
  type RoutingRuleCreate,
  type RoutingRulePreview,
  type RoutingRuleUpdate,
  type ServiceRecordCreate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { call, endpointFamily, endpointKey } from "../../ui/api";

export type NeedListParams = Partial<Omit<NeedListQuery, "limit">> & { limit: number };

/**
 * After a write on a need or a referral: every answer of both families (lists, one need, the inbox,
 * the dashboard), since a need's status shows in all of them.
 */
export function invalidateNeedsAndReferrals(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: endpointFamily(needEndpoints.list) }),
    queryClient.invalidateQueries({ queryKey: endpointFamily(referralEndpoints.list) }),
  ]);
}

export function useNeedCategories() {
  return useQuery({
    queryKey: endpointKey(needEndpoints.categories, {}),
    queryFn: ({ signal }) => call(needEndpoints.categories, {}, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useNeedList(query: NeedListParams) {
  return useQuery({
    queryKey: endpointKey(needEndpoints.list, { query }),
    queryFn: ({ signal }) => call(needEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The needs dashboard of an area (default: the user's own jurisdiction) for a reporting period. */
export function useNeedsDashboard(query: NeedsDashboardQuery) {
  return useQuery({
    queryKey: endpointKey(needEndpoints.dashboard, { query }),
    queryFn: ({ signal }) => call(needEndpoints.dashboard, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | null) {
  const input = { params: { id: id ?? "" } };
  return useQuery({
    queryKey: endpointKey(needEndpoints.get, input),
    queryFn: ({ signal }) => call(needEndpoints.get, input, { signal }),
    enabled: id !== null,
  });
}

/** Reports a need; pass the same Idempotency-Key when the same submission is repeated. */
export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: NeedCreate; key: string }) => call(needEndpoints.report, { body }, { idempotencyKey: key }),
    onSuccess: () => invalidateNeedsAndReferrals(queryClient),
  });
}

export function useConfirmNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedConfirmation) => call(needEndpoints.confirm, { params: { id }, body }),
    onSuccess: () => invalidateNeedsAndReferrals(queryClient),
  });
}

export function useInbox(params: {
  cursor?: string | undefined;
  limit: number;
  status?: Referral["status"] | undefined;
  sort?: ReferralListQuery["sort"];
}) {
  const query = { ...params, inbox: "1" as const };
  return useQuery({
    queryKey: endpointKey(referralEndpoints.list, { query }),
    queryFn: ({ signal }) => call(referralEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export type ReferralAction =
  | { kind: "accept" | "complete"; id: string }
  | { kind: "decline"; id: string; reason: string }
  | { kind: "service"; id: string; record: ServiceRecordCreate };

export function useReferralAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ReferralAction): Promise<unknown> => {
      const params = { id: action.id };
      switch (action.kind) {
        case "decline":
          return call(referralEndpoints.decline, { params, body: { reason: action.reason } });
        case "service":
          return call(referralEndpoints.addServiceRecord, { params, body: action.record });
        case "accept":
          return call(referralEndpoints.accept, { params });
        case "complete":
          return call(referralEndpoints.complete, { params });
      }
    },
    onSuccess: () => invalidateNeedsAndReferrals(queryClient),
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: endpointKey(routingRuleEndpoints.list, {}),
    queryFn: ({ signal }) => call(routingRuleEndpoints.list, {}, { signal }),
  });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingRuleCreate) => call(routingRuleEndpoints.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointFamily(routingRuleEndpoints.list) }),
  });
}

export function useToggleRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: RoutingRule) =>
      call(routingRuleEndpoints.update, { params: { id: rule.id }, body: { version: rule.version, data: { enabled: !rule.enabled } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointFamily(routingRuleEndpoints.list) }),
  });
}

/** Change a rule with the version read (409 when someone changed it since). */
export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoutingRuleUpdate }) => call(routingRuleEndpoints.update, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointFamily(routingRuleEndpoints.list) }),
  });
}

/** Delete a rule with the version read. */
export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: RoutingRule) => call(routingRuleEndpoints.remove, { params: { id: rule.id }, query: { version: rule.version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointFamily(routingRuleEndpoints.list) }),
  });
}

/** The recent needs (90 days, in scope) a rule with these conditions would catch; off while `input` is null. */
export function useRulePreview(input: RoutingRulePreview | null) {
  return useQuery({
    queryKey: [...endpointKey(routingRuleEndpoints.preview), input],
    queryFn: ({ signal }) => call(routingRuleEndpoints.preview, { body: input as RoutingRulePreview }, { signal }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

/** Residents by name for assisted intake (the residents registry's own search). */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: endpointKey(residentEndpoints.list, { query: { q, limit: 20 } }),
    queryFn: ({ signal }) => call(residentEndpoints.list, { query: { q, limit: 20 } }, { signal }),
    enabled: q.trim().length > 0,
  });
}

export type ProviderOption = { id: string; name: string };

/** Organizations or social workers in scope, by name, to route a referral to by hand. */
export function useProviderOptions(kind: "organization" | "social_worker", q: string) {
  const query = { q: q.trim() || undefined, limit: 20 };
  return useQuery({
    queryKey:
      kind === "organization" ? endpointKey(socialOrgEndpoints.list, { query }) : endpointKey(socialWorkerEndpoints.list, { query }),
    queryFn: ({ signal }): Promise<Page<ProviderOption>> =>
      kind === "organization"
        ? call(socialOrgEndpoints.list, { query }, { signal })
        : call(socialWorkerEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Routes a referral waiting in the community triage queue to a provider chosen by hand, with a reason. */
export function useReassignReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralReassign }) => call(referralEndpoints.reassign, { params: { id }, body }),
    onSuccess: () => invalidateNeedsAndReferrals(queryClient),
  });
}

/** The grids (网格) of one community, to place an anonymous contact's need. */
export function useGridOptions(areaCode: string | undefined) {
  return useQuery({
    queryKey: endpointKey(communityEndpoints.grids, { query: { area_code: areaCode, limit: 200 } }),
    queryFn: ({ signal }) => call(communityEndpoints.grids, { query: { area_code: areaCode, limit: 200 } }, { signal }),
    enabled: areaCode !== undefined && areaCode.length === 12,
    staleTime: 300_000,
  });
}

/** Reveals an accepted referral's contact for a stated purpose (audited on the server); the answer is never cached. */
export function useRevealReferralContact(id: string) {
  return useMutation({ mutationFn: (purpose: string) => call(referralEndpoints.contact, { params: { id }, body: { purpose } }) });
}
