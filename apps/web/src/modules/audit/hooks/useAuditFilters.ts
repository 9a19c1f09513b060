import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { AuditOutcome } from "../api";

/** Filters as typed by the auditor; dates are Shanghai calendar days (YYYY-MM-DD). */
export type AuditFilterValues = {
  actor_login?: string | undefined;
  action?: string | undefined;
  entity_id?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from_day?: string | undefined;
  to_day?: string | undefined;
};

const FILTER_KEYS = ["actor_login", "action", "entity_id", "outcome", "from_day", "to_day"] as const;

function parseOutcome(value: string | null): AuditOutcome | undefined {
  return value === "success" || value === "denied" || value === "failure" ? value : undefined;
}

/** Audit filters kept in the URL, so an investigation can be reloaded and shared. */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo<AuditFilterValues>(
    () => ({
      actor_login: searchParams.get("actor_login") ?? undefined,
      action: searchParams.get("action") ?? undefined,
      entity_id: searchParams.get("entity_id") ?? undefined,
      outcome: parseOutcome(searchParams.get("outcome")),
      from_day: searchParams.get("from_day") ?? undefined,
      to_day: searchParams.get("to_day") ?? undefined,
    }),
    [searchParams],
  );

  const setFilters = useCallback(
    (next: AuditFilterValues) => {
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        for (const key of FILTER_KEYS) {
          const value = next[key]?.trim();
          if (value) {
            params.set(key, value);
          } else {
            params.delete(key);
          }
        }
        return params;
      });
    },
    [setSearchParams],
  );

  return { filters, setFilters };
}
