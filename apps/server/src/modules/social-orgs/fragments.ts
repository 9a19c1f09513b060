import { and, asc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { textArray } from "../../platform/db/sql.js";
import { overlapsArea, withinArea } from "../../platform/scope/index.js";
import { socialOrgReadableBy } from "./queries.js";
import { socialOrgs, socialOrgServiceAreas } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

/**
 * What other modules may ask of the registry in SQL, without its tables leaving this module: scalar
 * subqueries and predicates over an organization id (a column of the caller's table) or an area.
 * Organizations are never deleted (they are deregistered), so a name looked up by id is always found.
 */

/** SQL: the name of the organization whose id is `id` (a column of another table). */
export function organizationName(id: SQL | AnyColumn): SQL<string> {
  return sql<string>`(SELECT ${socialOrgs.name} FROM ${socialOrgs} WHERE ${socialOrgs.id} = ${id})`;
}

/** SQL: the unified social credit code (统一社会信用代码) of the organization whose id is `id`, if any. */
export function organizationUsccOf(id: SQL | AnyColumn): SQL<string | null> {
  return sql<string | null>`(SELECT ${socialOrgs.uscc} FROM ${socialOrgs} WHERE ${socialOrgs.id} = ${id})`;
}

/**
 * SQL subquery: the ids of organizations registered in `areaCode` or below it (home area), all
 * statuses unless `activeOnly`. For `column IN (…)` and `FROM (…) AS o` in other modules' reports.
 */
export function organizationIdsUnder(areaCode: string, options: { activeOnly?: boolean } = {}): SQL {
  return sql`SELECT ${socialOrgs.id} AS id FROM ${socialOrgs} WHERE ${withinArea(socialOrgs.areaCode, areaCode)}${
    options.activeOnly ? sql` AND ${socialOrgs.status} = 'active'` : sql``
  }`;
}

/**
 * SQL: one of the organizations `orgIds` is present near `area` (a column or expression of another
 * table) — its home or one of its service areas contains the area or lies inside it.
 */
export function someOrganizationNear(orgIds: readonly string[], area: SQL | AnyColumn): SQL {
  if (orgIds.length === 0) {
    return sql`false`;
  }
  return sql`EXISTS (SELECT 1 FROM ${socialOrgs} o
      LEFT JOIN ${socialOrgServiceAreas} s ON s.org_id = o.id
      WHERE o.id IN (${sql.join(
        orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        AND (${overlapsArea(sql`o.area_code`, area)} OR ${overlapsArea(sql`s.area_code`, area)}))`;
}

/** Whether the actor reads the organization's full record (socialOrgReadableBy); false for an unknown id. */
export async function isOrganizationReadable(ctx: ActorCtx, orgId: string): Promise<boolean> {
  const [org] = await ctx.db
    .select({ id: socialOrgs.id })
    .from(socialOrgs)
    .where(and(eq(socialOrgs.id, orgId), socialOrgReadableBy(ctx)));
  return org !== undefined;
}

/** Whether the organization exists and is active (not suspended or deregistered). */
export async function isOrganizationActive(ctx: Ctx, orgId: string): Promise<boolean> {
  const [org] = await ctx.db
    .select({ id: socialOrgs.id })
    .from(socialOrgs)
    .where(and(eq(socialOrgs.id, orgId), eq(socialOrgs.status, "active")));
  return org !== undefined;
}

/** The eligibility rules a call sets on applicants (projects): null for a rule the call does not set. */
export type EligibilityRules = {
  minGrade: string | null;
  categories: readonly string[];
  /** Target areas the organization must be present in (home or service area in or containing one), or null. */
  presentIn: readonly string[] | null;
};

/**
 * Checks an organization against eligibility rules in one statement: active, grade at least the
 * minimum, an accepted category, local presence. Null for an unknown organization.
 */
export async function checkOrganizationEligibility(
  ctx: Ctx,
  orgId: string,
  rules: EligibilityRules,
): Promise<{ active: boolean; grade: boolean; category: boolean; local: boolean } | null> {
  const [row] = await ctx.db
    .select({
      active: sql<boolean>`${socialOrgs.status} = 'active'`,
      grade: rules.minGrade ? sql<boolean>`coalesce(${socialOrgs.grade} >= ${rules.minGrade}, false)` : sql<boolean>`true`,
      category:
        rules.categories.length > 0 ? sql<boolean>`${socialOrgs.category} = ANY(${textArray(rules.categories)})` : sql<boolean>`true`,
      local: rules.presentIn
        ? sql<boolean>`EXISTS (SELECT 1 FROM unnest(${textArray(rules.presentIn)}) AS t(code), unnest(array_append(
            ARRAY(SELECT ${socialOrgServiceAreas.areaCode}::text FROM ${socialOrgServiceAreas} WHERE ${socialOrgServiceAreas.orgId} = ${socialOrgs.id}),
            ${socialOrgs.areaCode}::text)) AS o(code) WHERE ${overlapsArea(sql`o.code`, sql`t.code`)})`
        : sql<boolean>`true`,
    })
    .from(socialOrgs)
    .where(eq(socialOrgs.id, orgId));
  return row ?? null;
}

/**
 * References of the organizations whose id is among `ids` (an SQL subquery of the caller's, e.g. the
 * organizations of some memberships), by name then id, at most `limit`; `q` filters the name (LIKE,
 * case-sensitive, wildcards escaped).
 */
export async function listOrganizationsAmong(
  ctx: Ctx,
  ids: SQL,
  query: { q?: string | undefined; limit: number },
): Promise<Array<{ id: string; name: string }>> {
  return ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name })
    .from(socialOrgs)
    .where(and(sql`${socialOrgs.id} IN (${ids})`, query.q ? sql`${socialOrgs.name} LIKE ${`%${escapeLike(query.q)}%`}` : undefined))
    .orderBy(asc(socialOrgs.name), asc(socialOrgs.id))
    .limit(query.limit);
}

/**
 * SQL subquery (id, declared) for other modules' reports: active organizations whose home area or one
 * of whose service areas lies in `areaCode`, each with the first funding source it declared (or null).
 */
export function organizationsPresentUnder(areaCode: string): SQL {
  return sql`SELECT o.id AS id, o.funding_sources[1] AS declared FROM ${socialOrgs} o
    WHERE o.status = 'active' AND (${withinArea(sql`o.area_code`, areaCode)}
      OR EXISTS (SELECT 1 FROM ${socialOrgServiceAreas} s WHERE s.org_id = o.id AND ${withinArea(sql`s.area_code`, areaCode)}))`;
}

/** The organization with this unified social credit code (统一社会信用代码): id, name and home area, or null. */
export async function organizationByUscc(ctx: Ctx, uscc: string): Promise<{ id: string; name: string; areaCode: string } | null> {
  const [row] = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, areaCode: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(eq(socialOrgs.uscc, uscc));
  return row ?? null;
}
