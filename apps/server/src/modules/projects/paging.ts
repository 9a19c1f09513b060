import type { Page } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { getOrganizations } from "../social-orgs/index.js";

/** A sort key that is an instant (signed_at): any text Date.parse reads. */
export const isInstant = (key: string) => !Number.isNaN(Date.parse(key));

/** A sort key that is a calendar date (paid_on): YYYY-MM-DD. */
export const isCalendarDate = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);

/**
 * The keyset cursor of the contract and funding-ledger lists: `[sort key, id]` as JSON in base64url.
 * Null (the first page) when the cursor is unreadable, of another shape, or its key fails `isSortKey`.
 */
export function decodeCursor(cursor: string, isSortKey: (key: string) => boolean): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^[0-9a-f-]{36}$/.test(value[1]) && isSortKey(value[0])) {
        return [value[0], value[1]];
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** The opaque keyset cursor of (sort key, id); an instant is written as ISO 8601. */
export const encodeCursor = (key: Date | string, id: string) =>
  Buffer.from(JSON.stringify([typeof key === "string" ? key : key.toISOString(), id])).toString("base64url");

/**
 * One page of a keyset list over rows of organizations (`rows` holds one row more than `limit` when a
 * next page exists), each presented with its organization's name (one query for the page).
 */
export async function pageNamingOrganizations<Row extends { id: string; orgId: string }, Item>(
  ctx: ActorCtx,
  rows: Row[],
  limit: number,
  sortKey: (row: Row) => Date | string,
  present: (row: Row, organizationName: string) => Item,
): Promise<Page<Item>> {
  const page = rows.slice(0, limit);
  const organizations = await getOrganizations(
    ctx,
    page.map((row) => row.orgId),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => present(row, organizations.get(row.orgId)?.name ?? "")),
    next_cursor: rows.length > limit && last ? encodeCursor(sortKey(last), last.id) : null,
  };
}
