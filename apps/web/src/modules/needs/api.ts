import type {
  NeedCategory,
  NeedConfirmation,
  NeedCreate,
  NeedDetail,
  NeedListQuery,
  NeedsDashboard,
  NeedsDashboardQuery,
  Page,
  Need,
  Referral,
  ReferralReassign,
  ResidentListItem,
  RoutingRule,
  RoutingRuleCreate,
  ServiceRecordCreate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../ui/api";

export type NeedListParams = Partial<Omit<NeedListQuery, "limit">> & { limit: number };

export const needKeys = {
  all: ["needs"] as const,
  categories: ["needs", "categories"] as const,
  list: (params: NeedListParams) => ["needs", "list", params] as const,
  detail: (id: string) => ["needs", "detail", id] as const,
  inbox: (params: { cursor?: string | undefined; limit: number; status?: string | undefined }) => ["needs", "inbox", params] as const,
  rules: ["needs", "rules"] as const,
  dashboard: (query: NeedsDashboardQuery) => ["needs", "dashboard", query] as const,
  residents: (q: string) => ["residents", "picker", q] as const,
};

export function useNeedCategories() {
  return useQuery({
    queryKey: needKeys.categories,
    queryFn: ({ signal }) => apiRequest<{ items: NeedCategory[] }>("/need-categories", { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useNeedList(params: NeedListParams) {
  return useQuery({
    queryKey: needKeys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<Need>>("/needs", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The needs dashboard of an area (default: the user's own jurisdiction) for a reporting period. */
export function useNeedsDashboard(query: NeedsDashboardQuery) {
  return useQuery({
    queryKey: needKeys.dashboard(query),
    queryFn: ({ signal }) => apiRequest<NeedsDashboard>("/needs/dashboard", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | null) {
  return useQuery({
    queryKey: needKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<NeedDetail>(`/needs/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== null,
  });
}

/** Reports a need; pass the same Idempotency-Key when the same submission is repeated. */
export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: NeedCreate; key: string }) =>
      apiRequest<NeedDetail>("/needs", { method: "POST", body, idempotencyKey: key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useConfirmNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedConfirmation) =>
      apiRequest<NeedDetail>(`/needs/${encodeURIComponent(id)}/confirmation`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useInbox(params: { cursor?: string | undefined; limit: number; status?: string | undefined }) {
  return useQuery({
    queryKey: needKeys.inbox(params),
    queryFn: ({ signal }) => apiRequest<Page<Referral> & { unread: number }>("/referrals", { query: { ...params, inbox: "1" }, signal }),
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
    mutationFn: (action: ReferralAction) => {
      const base = `/referrals/${encodeURIComponent(action.id)}`;
      if (action.kind === "decline") {
        return apiRequest<unknown>(`${base}/decline`, { method: "POST", body: { reason: action.reason } });
      }
      if (action.kind === "service") {
        return apiRequest<unknown>(`${base}/service-records`, { method: "POST", body: action.record });
      }
      return apiRequest<unknown>(`${base}/${action.kind}`, { method: "POST", body: {} });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: needKeys.rules,
    queryFn: ({ signal }) => apiRequest<{ items: RoutingRule[] }>("/routing-rules", { signal }),
  });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingRuleCreate) => apiRequest<RoutingRule>("/routing-rules", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.rules }),
  });
}

export function useToggleRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: RoutingRule) =>
      apiRequest<RoutingRule>(`/routing-rules/${encodeURIComponent(rule.id)}`, {
        method: "PATCH",
        body: { version: rule.version, data: { enabled: !rule.enabled } },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.rules }),
  });
}

/** Residents by name for assisted intake (the residents registry's own search). */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: needKeys.residents(q),
    queryFn: ({ signal }) => apiRequest<Page<ResidentListItem>>("/residents", { query: { q, limit: 20 }, signal }),
    enabled: q.trim().length > 0,
  });
}

export type ProviderOption = { id: string; name: string };

/** Organizations or social workers in scope, by name, to route a referral to by hand. */
export function useProviderOptions(kind: "organization" | "social_worker", q: string) {
  const path = kind === "organization" ? "/social-orgs" : "/social-workers";
  return useQuery({
    queryKey: ["needs", "providers", kind, q] as const,
    queryFn: ({ signal }) => apiRequest<Page<ProviderOption>>(path, { query: { q: q.trim() || undefined, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Routes a referral waiting in the community triage queue to a provider chosen by hand, with a reason. */
export function useReassignReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralReassign }) =>
      apiRequest<Referral>(`/referrals/${encodeURIComponent(id)}/reassign`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needKeys.all }),
  });
}

/** The grids (网格) of one community, to place an anonymous contact's need. */
export function useGridOptions(areaCode: string | undefined) {
  return useQuery({
    queryKey: ["needs", "grids", areaCode] as const,
    queryFn: ({ signal }) => apiRequest<Page<ProviderOption>>("/grids", { query: { area_code: areaCode, limit: 200 }, signal }),
    enabled: areaCode !== undefined && areaCode.length === 12,
    staleTime: 300_000,
  });
}
