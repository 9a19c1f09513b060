import { and, asc, eq, gt, inArray, like, type SQL } from "drizzle-orm";
import type { OrganizationRef, Page } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { inScope } from "../../platform/scope/index.js";
import { socialOrgs } from "./schema.js";

/** Organizations in the caller's area scope, by name (keyset on id within name order is not needed here: id order). */
export async function listOrganizations(
  ctx: ActorCtx,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<OrganizationRef>> {
  const conditions: SQL[] = [inScope(socialOrgs.areaCode, ctx.actor.scope("areas.read"))];
  if (query.q) {
    conditions.push(like(socialOrgs.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  if (query.cursor && /^[0-9a-f-]{36}$/.test(query.cursor)) {
    conditions.push(gt(socialOrgs.id, query.cursor));
  }
  const rows = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, area_code: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(and(...conditions))
    .orderBy(asc(socialOrgs.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, next_cursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Organizations by id, without scope (callers check scope on the area code returned). */
export async function getOrganizations(ctx: Ctx, ids: readonly string[]): Promise<Map<string, OrganizationRef>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, area_code: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(inArray(socialOrgs.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** One organization by exact name (seeding). */
export async function findOrganizationByName(ctx: Ctx, name: string): Promise<OrganizationRef | null> {
  const [row] = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, area_code: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(eq(socialOrgs.name, name));
  return row ?? null;
}
