import { and, eq, sql } from "drizzle-orm";
import type { RoutingRule, RoutingRuleCreate, RoutingRuleUpdate } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../../platform/errors/app-error.js";
import { inScope } from "../../../platform/scope/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getWorkersInScope } from "../../social-workers/index.js";
import { needs, referrals, routingRules } from "../schema.js";
import { recordEvent, type CategoryRow, type NeedRow } from "../status.js";
import { checkCatchAllConfirmed, checkRuleArea, isEnabledCatchAll } from "./policy.js";
import { presentRule } from "./present.js";
import { decideRouting, type RoutingDecision } from "./queries.js";

/** Creates the referral a routing decision names, with the category's clock, and audits the routing. */
export async function referFromDecision(ctx: Ctx, need: NeedRow, { outcome, category }: RoutingDecision): Promise<void> {
  const now = ctx.now();
  const [referral] = await ctx.db
    .insert(referrals)
    .values({
      needId: need.id,
      areaCode: need.areaCode,
      providerKind: outcome.providerKind,
      providerId: outcome.providerId,
      status: "pending",
      respondBy: new Date(now.getTime() + category.respondWithinHours * 3_600_000),
      resolveBy: new Date(now.getTime() + category.resolveWithinDays * 86_400_000),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: referrals.id });
  await ctx.audit.record("needs.route", {
    entityType: "need",
    entityId: need.id,
    areaCode: need.areaCode,
    detail: {
      rule: outcome.rule?.id ?? null,
      provider_kind: outcome.providerKind,
      provider_id: outcome.providerId,
      referral: referral?.id,
    },
  });
}

/**
 * Routes an existing need (reopened, declined, reassigned) inside the caller's transaction: creates
 * the referral, stores the rule and its explanation on the need and records the event.
 */
export async function routeNeed(
  ctx: Ctx,
  need: NeedRow,
  skipProviders: readonly string[] = [],
  known: { category?: CategoryRow; residentGroups?: string[] } = {},
): Promise<NeedRow> {
  const decision = await decideRouting(ctx, need, skipProviders, known);
  await referFromDecision(ctx, need, decision);
  const [routed] = await ctx.db
    .update(needs)
    .set({
      status: "routed",
      tier: decision.outcome.tier,
      routingRuleId: decision.outcome.rule?.id ?? null,
      routingExplanation: decision.explanation.zh,
      routingExplanationEn: decision.explanation.en,
      version: sql`${needs.version} + 1`,
      updatedAt: ctx.now(),
    })
    .where(eq(needs.id, need.id))
    .returning();
  await recordEvent(ctx, need, "routed", "routed", decision.explanation.zh);
  return routed as NeedRow;
}

/**
 * A provider named by a rule or by hand must exist: an organization, or an active social worker
 * visible under `prefixes` (home area or a served community); the community queue names none.
 * @throws AppError PROVIDER_UNKNOWN
 */
export async function checkProvider(ctx: Ctx, kind: RoutingRule["provider_kind"], id: string | null, prefixes: readonly string[]) {
  if (kind === "community_queue") {
    return;
  }
  const known =
    id !== null &&
    (kind === "organization" ? (await getOrganizations(ctx, [id])).has(id) : (await getWorkersInScope(ctx, [id], prefixes)).has(id));
  if (!known) {
    throw new AppError("PROVIDER_UNKNOWN");
  }
}

/**
 * Create a rule for a jurisdiction in the official's scope. An enabled catch-all needs `confirm_catch_all`.
 * @throws 404 outside scope; ROUTING_AREA_OUTSIDE, PROVIDER_UNKNOWN, ROUTING_CATCH_ALL_UNCONFIRMED
 */
export async function createRule(ctx: ActorCtx, input: RoutingRuleCreate): Promise<RoutingRule> {
  if (!ctx.actor.scope("routing.manage").some((prefix) => input.area_code.startsWith(prefix))) {
    throw notFound();
  }
  checkRuleArea(input.area_code, input.area_prefix);
  checkCatchAllConfirmed(
    { category: input.category, residentGroups: input.resident_groups, enabled: input.enabled },
    input.confirm_catch_all,
  );
  await checkProvider(ctx, input.provider_kind, input.provider_id, [input.area_code]);
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(routingRules)
      .values({
        areaCode: input.area_code,
        position: input.position,
        category: input.category,
        residentGroups: input.resident_groups,
        areaPrefix: input.area_prefix,
        tier: input.tier,
        providerKind: input.provider_kind,
        providerId: input.provider_id,
        enabled: input.enabled,
      })
      .returning();
    const rule = row as typeof routingRules.$inferSelect;
    await tx.audit.record("routing.create", {
      entityType: "routing_rule",
      entityId: rule.id,
      areaCode: rule.areaCode,
      detail: { ...input, confirm_catch_all: undefined },
    });
    return presentRule(rule);
  });
}

/**
 * Change a rule owned inside the official's scope (send the version read). Turning it into an enabled
 * catch-all needs `confirm_catch_all`.
 * @throws 404 outside scope; VERSION_CONFLICT, ROUTING_AREA_OUTSIDE, PROVIDER_UNKNOWN, ROUTING_CATCH_ALL_UNCONFIRMED
 */
export async function updateRule(ctx: ActorCtx, id: string, input: RoutingRuleUpdate): Promise<RoutingRule> {
  return withTx(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(routingRules)
      .where(and(eq(routingRules.id, id), inScope(routingRules.areaCode, tx.actor.scope("routing.manage"))))
      .for("update");
    if (!current) {
      throw notFound();
    }
    if (current.version !== input.version) {
      throw versionConflict(presentRule(current));
    }
    const data = input.data;
    checkRuleArea(current.areaCode, data.area_prefix);
    const after = {
      category: data.category !== undefined ? data.category : current.category,
      residentGroups: data.resident_groups !== undefined ? data.resident_groups : current.residentGroups,
      enabled: data.enabled ?? current.enabled,
    };
    if (!isEnabledCatchAll(current)) {
      checkCatchAllConfirmed(after, input.confirm_catch_all);
    }
    if (data.provider_kind !== undefined || data.provider_id !== undefined) {
      await checkProvider(tx, data.provider_kind ?? current.providerKind, data.provider_id ?? current.providerId, [current.areaCode]);
    }
    const [row] = await tx.db
      .update(routingRules)
      .set({
        ...(data.position !== undefined ? { position: data.position } : {}),
        ...(data.category !== undefined ? { category: data.category } : {}),
        ...(data.resident_groups !== undefined ? { residentGroups: data.resident_groups } : {}),
        ...(data.area_prefix !== undefined ? { areaPrefix: data.area_prefix } : {}),
        ...(data.tier !== undefined ? { tier: data.tier } : {}),
        ...(data.provider_kind !== undefined ? { providerKind: data.provider_kind } : {}),
        ...(data.provider_id !== undefined ? { providerId: data.provider_id } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
        version: current.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(routingRules.id, id))
      .returning();
    await tx.audit.record("routing.update", { entityType: "routing_rule", entityId: id, areaCode: current.areaCode, detail: { ...data } });
    return presentRule(row as typeof routingRules.$inferSelect);
  });
}

/**
 * Delete a rule owned inside the official's scope (send the version read); needs it routed keep their
 * explanation.
 * @throws 404 outside scope; VERSION_CONFLICT
 */
export async function deleteRule(ctx: ActorCtx, id: string, version: number): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(routingRules)
      .where(and(eq(routingRules.id, id), inScope(routingRules.areaCode, tx.actor.scope("routing.manage"))))
      .for("update");
    if (!current) {
      throw notFound();
    }
    if (current.version !== version) {
      throw versionConflict(presentRule(current));
    }
    await tx.db.delete(routingRules).where(eq(routingRules.id, id));
    await tx.audit.record("routing.delete", {
      entityType: "routing_rule",
      entityId: id,
      areaCode: current.areaCode,
      detail: { position: current.position, category: current.category, provider_kind: current.providerKind },
    });
  });
}
