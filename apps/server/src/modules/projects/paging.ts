import { z } from "zod";
import type { Page } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { cursorCodec, cursorId, type CursorCodec } from "../../platform/pagination/cursor.js";
import { getOrganizations } from "../social-orgs/index.js";

type SortCursor = CursorCodec<[string, string], [string, string]>;

/** The funding ledger's keyset cursor: (paid_on as YYYY-MM-DD, id). */
export const ledgerCursor: SortCursor = cursorCodec(z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), cursorId]));

/**
 * One page of a keyset list over rows of organizations (`rows` holds one row more than `limit` when a
 * next page exists), each presented with its organization's name (one query for the page).
 */
export async function pageNamingOrganizations<Row extends { id: string; orgId: string }, Item>(
  ctx: ActorCtx,
  rows: Row[],
  limit: number,
  cursor: { codec: SortCursor; sortKey: (row: Row) => Date | string },
  present: (row: Row, organizationName: string) => Item,
): Promise<Page<Item>> {
  const page = rows.slice(0, limit);
  const organizations = await getOrganizations(
    ctx,
    page.map((row) => row.orgId),
  );
  const last = page.at(-1);
  const keyOf = (row: Row) => {
    const key = cursor.sortKey(row);
    return typeof key === "string" ? key : key.toISOString();
  };
  return {
    items: page.map((row) => present(row, organizations.get(row.orgId)?.name ?? "")),
    next_cursor: rows.length > limit && last ? cursor.codec.encode([keyOf(last), last.id]) : null,
  };
}
