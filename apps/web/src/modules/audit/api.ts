import { auditEndpoints as api, type AuditListQuery } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { call, endpointKey } from "../../ui/api";

export type AuditOutcome = "success" | "denied" | "failure";

export type AuditListParams = {
  actor_login?: string | undefined;
  action?: string | undefined;
  entity_id?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** ISO instant with +08:00 offset, inclusive. */
  from?: string | undefined;
  /** ISO instant with +08:00 offset, exclusive. */
  to?: string | undefined;
  sort?: AuditListQuery["sort"];
  cursor?: string | undefined;
  limit: number;
};

export const auditKeys = {
  all: endpointKey(api.list),
  list: (params: AuditListParams) => endpointKey(api.list, { query: params }),
};

/** One page of the audit log (permission audit.read) with its capped total, filtered and sorted on the server. */
export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Re-computes the SM3 hash chain over the sealed records and reports the first broken link. */
export function useVerifyChain() {
  return useMutation({
    mutationFn: () => call(api.verify),
  });
}
