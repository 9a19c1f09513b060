import type { Role, UserStatus } from "@sanshe/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { withSearchParams } from "../../../ui/searchParams";
import { ROLES } from "../../auth";
import type { UserListFilters } from "../api";

function parseRole(value: string | null): Role | undefined {
  return ROLES.find((role) => role === value);
}

function parseStatus(value: string | null): UserStatus | undefined {
  return value === "active" || value === "disabled" ? value : undefined;
}

/** Account list filters and the open account, kept in the URL so they survive reloads and can be shared. */
export function useUserFilters() {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo<UserListFilters>(
    () => ({
      q: searchParams.get("q") ?? undefined,
      role: parseRole(searchParams.get("role")),
      status: parseStatus(searchParams.get("status")),
    }),
    [searchParams],
  );
  const openUserId = searchParams.get("user") ?? undefined;

  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      setSearchParams((current) => withSearchParams(current, changes));
    },
    [setSearchParams],
  );

  return {
    filters,
    openUserId,
    setFilters: (next: UserListFilters) => update({ q: next.q?.trim(), role: next.role, status: next.status }),
    openUser: (id: string | undefined) => update({ user: id }),
  };
}
