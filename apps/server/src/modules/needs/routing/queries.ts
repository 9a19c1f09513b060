import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { RoutingPreviewResult, RoutingRule, RoutingRulePreview } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { queryRows } from "../../../platform/db/client.js";
import { ancestorOf, inScope, overlapsArea, withinArea } from "../../../platform/scope/index.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { checkRuleArea } from "./policy.js";
import { areas } from "../../jurisdictions/index.js";
import { organizationNameOf } from "../../social-orgs/index.js";
import { workerNameOf } from "../../social-workers/index.js";
import { getResidentFacts, residentInAnyGroup } from "../../residents/index.js";
import { findCategory } from "../queries.js";
import { needs, routingRules } from "../schema.js";
import type { CategoryRow } from "../status.js";
import { presentRule } from "./present.js";
import { explainRouting, resolveRouting, type Rule, type RoutingExplanation, type RoutingOutcome } from "./routing.js";

/** Resident groups of the need's resident (for rules that match groups); empty when unknown. */
async function residentGroups(ctx: Ctx, residentId: string | null): Promise<string[]> {
  if (!residentId) {
    return [];
  }
  return (await getResidentFacts(ctx, residentId))?.groups ?? [];
}

/**
 * The names a routing explanation shows, in one statement: the area owning the matched rule and the
 * provider (an organization or a social worker), each a sub-select. Nothing to name (no rule, the
 * community queue): no statement.
 */
async function routingNames(ctx: Ctx, outcome: RoutingOutcome): Promise<{ owner: string | null; provider: string | null }> {
  const ownerCode = outcome.rule?.areaCode ?? null;
  const providerId = outcome.providerKind === "community_queue" ? null : outcome.providerId;
  if (ownerCode === null && providerId === null) {
    return { owner: null, provider: null };
  }
  const owner = ownerCode === null ? sql`NULL::text` : sql`(SELECT ${areas.name} FROM ${areas} WHERE ${areas.code} = ${ownerCode})`;
  const id = sql`${providerId}::uuid`;
  const provider =
    providerId === null ? sql`NULL::text` : outcome.providerKind === "organization" ? organizationNameOf(id) : workerNameOf(id);
  const [row] = await queryRows<{ owner: string | null; provider: string | null }>(
    ctx.db,
    sql`SELECT ${owner} AS owner, ${provider} AS provider`,
  );
  return { owner: row?.owner ?? null, provider: row?.provider ?? null };
}

export type RoutingDecision = {
  outcome: RoutingOutcome;
  explanation: RoutingExplanation;
  category: CategoryRow;
};

/**
 * Where a need goes: first matching rule (street, district, city), else the category's default tier
 * in the community queue, with the explanation shown to everyone who reads the need. Reads only: the
 * enabled rules above the need's community, then the names the explanation shows (one statement).
 */
export async function decideRouting(
  ctx: Ctx,
  need: { areaCode: string; category: string; residentId: string | null },
  skipProviders: readonly string[],
  known: { category?: CategoryRow; residentGroups?: string[] },
): Promise<RoutingDecision> {
  const category = known.category ?? (await findCategory(ctx, need.category));
  const rules = (await ctx.db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.enabled, true), ancestorOf(routingRules.areaCode, need.areaCode)))) as Rule[];
  const outcome = resolveRouting(
    rules,
    {
      areaCode: need.areaCode,
      category: need.category,
      residentGroups: known.residentGroups ?? (await residentGroups(ctx, need.residentId)),
      skipProviders,
    },
    category.tier,
  );
  const names = await routingNames(ctx, outcome);
  const explanation = explainRouting(outcome, {
    owner: names.owner,
    category: category.name,
    categoryEn: category.nameEn,
    provider: names.provider,
  });
  return { outcome, explanation, category };
}

/** Rules readable by the actor: owned inside their scope, or by an ancestor of it (inherited). */
export async function listRules(ctx: ActorCtx, areaCode: string | undefined): Promise<{ items: RoutingRule[] }> {
  const scope = [...ctx.actor.scope("routing.manage"), ...ctx.actor.scope("needs.read")];
  const conditions = [
    sql`(${inScope(routingRules.areaCode, scope)} OR ${sql.join(
      scope.length ? scope.map((prefix) => ancestorOf(routingRules.areaCode, prefix)) : [sql`false`],
      sql` OR `,
    )})`,
  ];
  if (areaCode) {
    conditions.push(overlapsArea(routingRules.areaCode, areaCode));
  }
  const rows = await ctx.db
    .select()
    .from(routingRules)
    .where(and(...conditions))
    .orderBy(sql`length(${routingRules.areaCode}) DESC`, routingRules.areaCode, routingRules.position, routingRules.id);
  return { items: rows.map(presentRule) };
}

const PREVIEW_DAYS = 90;
const PREVIEW_ROWS = 10;

/**
 * What a rule with these conditions would catch: the needs reported in the last 90 days under the
 * owner (and the rule's area), inside the official's scope, whose category and resident groups match,
 * counted, with the newest ten. Conditions only: a rule placed before it could still take some first.
 * @throws 404 when the owner is outside the official's scope; ROUTING_AREA_OUTSIDE
 */
export async function previewRule(ctx: ActorCtx, input: RoutingRulePreview): Promise<RoutingPreviewResult> {
  const scope = ctx.actor.scope("routing.manage");
  if (!scope.some((prefix) => input.area_code.startsWith(prefix))) {
    throw notFound();
  }
  checkRuleArea(input.area_code, input.area_prefix);
  const since = new Date(ctx.now().getTime() - PREVIEW_DAYS * 86_400_000);
  const conditions = [
    inScope(needs.areaCode, scope),
    withinArea(needs.areaCode, input.area_prefix ?? input.area_code),
    gte(needs.createdAt, since),
  ];
  if (input.category !== null) {
    conditions.push(eq(needs.category, input.category));
  }
  if (input.resident_groups !== null && input.resident_groups.length > 0) {
    conditions.push(residentInAnyGroup(needs.residentId, input.resident_groups));
  }
  const where = and(...conditions);
  const [counted] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(needs)
    .where(where);
  const rows = await ctx.db
    .select({
      id: needs.id,
      areaCode: needs.areaCode,
      category: needs.category,
      urgency: needs.urgency,
      status: needs.status,
      createdAt: needs.createdAt,
    })
    .from(needs)
    .where(where)
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(PREVIEW_ROWS);
  return {
    days: PREVIEW_DAYS,
    count: counted?.count ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      area_code: row.areaCode,
      category: row.category,
      urgency: row.urgency,
      status: row.status,
      created_at: row.createdAt.toISOString(),
    })),
  };
}
