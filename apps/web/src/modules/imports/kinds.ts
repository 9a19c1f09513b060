import type { Permission } from "@sanshe/contracts";
import { useMe } from "../auth";

/** What can be imported, and the register permission each kind needs besides imports.run. */
export const IMPORT_KINDS = [
  { kind: "residents", permission: "residents.write" },
  { kind: "social-orgs", permission: "social_orgs.write" },
  { kind: "social-workers", permission: "social_workers.write" },
  { kind: "facilities", permission: "communities.write" },
  { kind: "admin-task-catalog", permission: "admin_tasks.catalog" },
  { kind: "funding-ledger", permission: "ledger.record" },
] as const satisfies readonly { kind: string; permission: Permission }[];

export type ImportKind = (typeof IMPORT_KINDS)[number]["kind"];

export function isImportKind(value: unknown): value is ImportKind {
  return IMPORT_KINDS.some((entry) => entry.kind === value);
}

/** i18n key of a kind's label; unknown kinds (from a newer server) fall back to the raw name. */
export function importKindLabelKey(kind: string): string {
  return `imports.kinds.${kind}`;
}

/** The kinds the signed-in user may import: imports.run plus the register's write permission. */
export function useAllowedImportKinds(): ImportKind[] {
  const { data: me } = useMe();
  const permissions = me?.permissions ?? [];
  if (!permissions.includes("imports.run")) {
    return [];
  }
  return IMPORT_KINDS.filter((entry) => permissions.includes(entry.permission)).map((entry) => entry.kind);
}
