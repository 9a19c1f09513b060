import { and, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type {
  Case,
  CaseFromReferral,
  NeedConfirmation,
  NeedContact,
  NeedCreate,
  NeedDetail,
  NeedStatus,
  Referral,
  ReferralReassign,
  RoutingRule,
  RoutingRuleCreate,
  RoutingRuleUpdate,
  ServiceRecord,
  ServiceRecordCreate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { maskEmail, maskName, maskPhone, pii } from "../../platform/pii/index.js";
import { getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { getWorkerNames, getWorkersInScope } from "../social-workers/index.js";
import { openCaseFromReferral } from "../cases/index.js";
import { getNeed, getReferral, getReferralById, referralHandled } from "./queries.js";
import { explainRouting, resolveRouting, type Rule, type RoutingExplanation } from "./routing.js";
import { needCallbacks, needCategories, needEvents, needs, referrals, routingRules, serviceRecords } from "./schema.js";
import { callbackAllowedFrom } from "./policy.js";
import { loadConfig } from "../../platform/config.js";
import { residentHasAccount } from "./resident-accounts.js";
import { getResidentFacts, linkedResidentOf } from "../residents/index.js";
import { getGridNames } from "../communities/index.js";

type NeedRow = typeof needs.$inferSelect;

function actorLogin(ctx: Ctx): string {
  return ctx.actor?.login ?? "system";
}

async function recordEvent(ctx: Ctx, need: NeedRow, kind: string, status: NeedStatus | null, reason: string | null): Promise<void> {
  await ctx.db
    .insert(needEvents)
    .values({ needId: need.id, areaCode: need.areaCode, kind, status, actorLogin: actorLogin(ctx), reason, at: ctx.now() });
}

/** Resident groups of the need's resident (for rules that match groups); empty when unknown. */
async function residentGroups(ctx: Ctx, residentId: string | null): Promise<string[]> {
  if (!residentId) {
    return [];
  }
  return (await getResidentFacts(ctx, residentId))?.groups ?? [];
}

type RoutingDecision = {
  outcome: ReturnType<typeof resolveRouting>;
  explanation: RoutingExplanation;
  category: CategoryRow;
};

/**
 * Where a need goes: first matching rule (street, district, city), else the category's default tier
 * in the community queue, with the explanation shown to everyone who reads the need. Reads only.
 */
async function decideRouting(
  ctx: Ctx,
  need: { areaCode: string; category: string; residentId: string | null },
  skipProviders: readonly string[],
  known: { category?: CategoryRow; residentGroups?: string[] },
): Promise<RoutingDecision> {
  const category = known.category ?? (await findCategory(ctx, need.category));
  const rules = (await ctx.db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.enabled, true), sql`${need.areaCode} LIKE ${routingRules.areaCode} || '%'`))) as Rule[];
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
  // One after another: inside a transaction they share one connection (pg refuses overlapping queries).
  const areaNames = await getAreaNames(ctx, outcome.rule ? [outcome.rule.areaCode] : []);
  const organizations = await getOrganizations(
    ctx,
    outcome.providerKind === "organization" && outcome.providerId ? [outcome.providerId] : [],
  );
  const workers = await getWorkerNames(ctx, outcome.providerKind === "social_worker" && outcome.providerId ? [outcome.providerId] : []);
  const explanation = explainRouting(outcome, {
    owner: outcome.rule ? (areaNames.get(outcome.rule.areaCode) ?? null) : null,
    category: category.name,
    categoryEn: category.nameEn,
    provider: outcome.providerId ? (organizations.get(outcome.providerId)?.name ?? workers.get(outcome.providerId) ?? null) : null,
  });
  return { outcome, explanation, category };
}

/** Creates the referral a routing decision names, with the category's clock, and audits the routing. */
async function referFromDecision(ctx: Ctx, need: NeedRow, { outcome, category }: RoutingDecision): Promise<void> {
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

type Place = { areaCode: string; gridId: string | null; gridName: string | null; groups: string[]; residentId?: string };

/**
 * Where a staff-recorded need belongs: the resident's community (in scope) or the named community,
 * and its grid: the one given (it must lie in that community) or the resident's.
 */
async function staffPlace(ctx: ActorCtx, input: NeedCreate): Promise<Place> {
  const scope = ctx.actor.scope("needs.write");
  let place: Place;
  if (input.resident_id) {
    const facts = await getResidentFacts(ctx, input.resident_id, scope);
    if (!facts) {
      throw notFound();
    }
    place = { areaCode: facts.areaCode, gridId: facts.gridId, gridName: facts.gridName, groups: facts.groups };
  } else if (input.area_code && input.area_code.length === 12 && scope.some((prefix) => input.area_code?.startsWith(prefix))) {
    place = { areaCode: input.area_code, gridId: null, gridName: null, groups: [] };
  } else if (input.area_code && input.area_code.length === 12) {
    // A community outside the caller's scope: as if it did not exist (QUALITY §1), not a form error.
    throw notFound();
  } else {
    throw new AppError("NEED_AREA_REQUIRED");
  }
  if (input.grid_id) {
    const grid = (await getGridNames(ctx, [input.grid_id])).get(input.grid_id);
    if (!grid || grid.area_code !== place.areaCode) {
      throw new AppError("NEED_GRID_MISMATCH");
    }
    place = { ...place, gridId: input.grid_id, gridName: grid.name };
  }
  return place;
}

/** Encrypted and masked columns of an anonymous contact. */
function contactColumns(contact: NeedContact | undefined): Pick<typeof needs.$inferInsert, "contactEnc" | "contactMasked"> {
  if (!contact) {
    return { contactEnc: null, contactMasked: null };
  }
  return {
    contactEnc: pii().encrypt(JSON.stringify(contact)),
    contactMasked: {
      name_masked: maskName(contact.name),
      phone_masked: contact.phone ? maskPhone(contact.phone) : null,
      email_masked: contact.email ? maskEmail(contact.email) : null,
    },
  };
}

type NewNeed = Omit<typeof needs.$inferInsert, "status" | "tier" | "createdAt" | "updatedAt">;

/**
 * Inserts a need inside the caller's transaction, records its creation (event and audit) and routes
 * it: the one path every channel takes.
 */
async function insertAndRoute(
  tx: Ctx,
  values: NewNeed,
  category: CategoryRow,
  residentGroups: string[],
  duplicateOf: string | null,
  login: string,
): Promise<NeedRow> {
  // Routed before it is written: one insert of the need as routed (the roll-up triggers run once),
  // its two history entries in one statement, then the referral.
  const decision = await decideRouting(tx, { ...values, residentId: values.residentId ?? null }, [], { category, residentGroups });
  const now = tx.now();
  const [need] = await tx.db
    .insert(needs)
    .values({
      ...values,
      status: "routed",
      tier: decision.outcome.tier,
      routingRuleId: decision.outcome.rule?.id ?? null,
      routingExplanation: decision.explanation.zh,
      routingExplanationEn: decision.explanation.en,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const row = need as NeedRow;
  await tx.db.insert(needEvents).values([
    { needId: row.id, areaCode: row.areaCode, kind: "created", status: "new", actorLogin: login, reason: null, at: now },
    {
      needId: row.id,
      areaCode: row.areaCode,
      kind: "routed",
      status: "routed",
      actorLogin: actorLogin(tx),
      reason: decision.explanation.zh,
      at: now,
    },
  ]);
  await tx.audit.record("needs.create", {
    entityType: "need",
    entityId: row.id,
    areaCode: row.areaCode,
    detail: { category: row.category, channel: row.channel, duplicate_of: duplicateOf },
  });
  await referFromDecision(tx, row, decision);
  return row;
}

type CategoryRow = typeof needCategories.$inferSelect;

async function findCategory(ctx: Ctx, code: string): Promise<CategoryRow> {
  const [category] = await ctx.db.select().from(needCategories).where(eq(needCategories.code, code));
  if (!category) {
    throw new AppError("NEED_CATEGORY_UNKNOWN");
  }
  return category;
}

/**
 * POST /needs: a resident reports for themself (community from their membership), staff record for a
 * resident in scope, or for an anonymous contact in a community of their scope. Routed at once.
 * Returns `duplicate_of` when the same person has an open need of the same category (the new need is
 * still created).
 */
export async function createNeed(ctx: ActorCtx, input: NeedCreate): Promise<NeedDetail> {
  const staff = ctx.actor.can("needs.write") && (input.resident_id !== undefined || input.area_code !== undefined);
  let place: Place;
  if (staff) {
    if (input.resident_id && input.contact) {
      throw new AppError("NEED_CONTACT_WITH_RESIDENT");
    }
    place = await staffPlace(ctx, input);
  } else {
    const membership = ctx.actor.memberships.find((m) => m.role === "resident");
    if (!membership || input.resident_id || input.area_code || input.contact || input.grid_id) {
      throw new AppError(ctx.actor.can("needs.write") ? "NEED_AREA_REQUIRED" : "FORBIDDEN");
    }
    // A linked account reports as the resident of the register: their groups route the need and
    // casework can start from it. Unlinked, the need stays with the account's community.
    const linked = await linkedResidentOf(ctx, ctx.actor.userId);
    place = linked
      ? { areaCode: linked.areaCode, gridId: null, gridName: null, groups: linked.groups, residentId: linked.residentId }
      : { areaCode: membership.areaCode, gridId: null, gridName: null, groups: [] };
  }
  const { areaCode } = place;
  const category = await findCategory(ctx, input.category);
  const created = await withTx(ctx, async (tx) => {
    const ownRecord = staff ? input.resident_id : place.residentId;
    const owner = ownRecord
      ? eq(needs.residentId, ownRecord)
      : and(eq(needs.createdBy, tx.actor.userId), sql`${needs.residentId} IS NULL`, sql`${needs.contactEnc} IS NULL`);
    const [duplicate] = input.contact
      ? []
      : await tx.db
          .select({ id: needs.id })
          .from(needs)
          .where(and(owner, eq(needs.category, input.category), notInArray(needs.status, ["closed"])))
          .limit(1);
    const row = await insertAndRoute(
      tx,
      {
        areaCode,
        residentId: staff ? (input.resident_id ?? null) : (place.residentId ?? null),
        gridId: place.gridId,
        gridName: place.gridName,
        category: input.category,
        description: input.description,
        urgency: input.urgency,
        channel: staff ? (input.channel ?? "staff") : "portal",
        ...contactColumns(staff ? input.contact : undefined),
        createdBy: tx.actor.userId,
      },
      category,
      place.groups,
      duplicate?.id ?? null,
      actorLogin(tx),
    );
    return { id: row.id, duplicateOf: duplicate?.id ?? null };
  });
  return { ...(await getNeed(ctx, created.id)), duplicate_of: created.duplicateOf };
}

/** A need arriving through another system (Open311): already placed in a community by the caller. */
export type ChannelNeedInput = {
  channel: "open311";
  /** The community (12 digits); the caller has checked it lies in the client's scope. */
  areaCode: string;
  category: string;
  description: string;
  urgency?: "low" | "normal" | "high";
  contact?: NeedContact | undefined;
  address?: string | null | undefined;
  lat?: number | null | undefined;
  long?: number | null | undefined;
  mediaUrl?: string | null | undefined;
  /** Who the history and the audit name, e.g. "open311:郑州市12345热线". */
  actorLogin: string;
};

/**
 * Creates and routes a need from a channel without a signed-in user, through the same path as
 * POST /needs (event, audit, routing). ctx.audit should already name the channel's actor.
 * @throws AppError NEED_CATEGORY_UNKNOWN, NEED_AREA_REQUIRED (not a community code).
 */
export async function createNeedFromChannel(ctx: Ctx, input: ChannelNeedInput): Promise<{ id: string }> {
  if (!/^\d{12}$/.test(input.areaCode)) {
    throw new AppError("NEED_AREA_REQUIRED");
  }
  const category = await findCategory(ctx, input.category);
  return withTx(ctx, async (tx) => {
    const row = await insertAndRoute(
      tx,
      {
        areaCode: input.areaCode,
        residentId: null,
        category: input.category,
        description: input.description,
        urgency: input.urgency ?? "normal",
        channel: input.channel,
        ...contactColumns(input.contact),
        address: input.address ?? null,
        lat: input.lat ?? null,
        long: input.long ?? null,
        mediaUrl: input.mediaUrl ?? null,
        createdBy: null,
      },
      category,
      [],
      null,
      input.actorLogin,
    );
    return { id: row.id };
  });
}

type ReferralRow = typeof referrals.$inferSelect;

/** Locks a referral addressed to the actor, with its need. @throws NOT_FOUND when not addressed to them. */
async function lockReferral(ctx: ActorCtx, id: string): Promise<{ referral: ReferralRow; need: NeedRow }> {
  const [referral] = await ctx.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), referralHandled(ctx)))
    .for("update");
  if (!referral) {
    throw notFound();
  }
  const [need] = await ctx.db.select().from(needs).where(eq(needs.id, referral.needId)).for("update");
  return { referral, need: need as NeedRow };
}

async function setReferral(ctx: ActorCtx, referral: ReferralRow, values: Partial<typeof referrals.$inferInsert>): Promise<void> {
  await ctx.db
    .update(referrals)
    .set({ ...values, version: referral.version + 1, updatedAt: ctx.now() })
    .where(eq(referrals.id, referral.id));
}

async function setNeedStatus(
  ctx: Ctx,
  need: NeedRow,
  status: NeedStatus,
  extra: Partial<typeof needs.$inferInsert> = {},
): Promise<NeedRow> {
  const [row] = await ctx.db
    .update(needs)
    .set({ ...extra, status, version: sql`${needs.version} + 1`, updatedAt: ctx.now() })
    .where(eq(needs.id, need.id))
    .returning();
  return row as NeedRow;
}

function audit(ctx: ActorCtx, verb: string, referral: ReferralRow, detail: Record<string, unknown> = {}) {
  return ctx.audit.record(`referrals.${verb}`, {
    entityType: "referral",
    entityId: referral.id,
    areaCode: referral.areaCode,
    detail: { need: referral.needId, ...detail },
  });
}

/** Accept a pending referral; racing accepts: the row lock lets exactly one win (409 REFERRAL_NOT_PENDING). */
export async function acceptReferral(ctx: ActorCtx, id: string): Promise<Referral> {
  await withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.status !== "pending") {
      throw new AppError("REFERRAL_NOT_PENDING");
    }
    await setReferral(tx, referral, {
      status: "accepted",
      readAt: referral.readAt ?? tx.now(),
      acceptedAt: tx.now(),
      acceptedBy: tx.actor.userId,
    });
    await setNeedStatus(tx, need, "accepted");
    await recordEvent(tx, need, "accepted", "accepted", null);
    await audit(tx, "accept", referral);
  });
  return getReferral(ctx, id);
}

/** Decline a pending referral with a reason; the need is routed again, skipping every provider that declined it. */
export async function declineReferral(ctx: ActorCtx, id: string, reason: string): Promise<Referral> {
  await withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.status !== "pending") {
      throw new AppError("REFERRAL_NOT_PENDING");
    }
    await setReferral(tx, referral, { status: "declined", declineReason: reason, readAt: referral.readAt ?? tx.now() });
    await recordEvent(tx, need, "declined", need.status, reason);
    await audit(tx, "decline", referral);
    await routeNeed(tx, need, await providersToSkip(tx, need.id));
  });
  return getReferral(ctx, id);
}

/**
 * Community staff route a pending referral of their triage queue by hand to a provider, with a
 * reason: the queue referral is cancelled and a new one created with a fresh clock.
 */
export async function reassignReferral(ctx: ActorCtx, id: string, input: ReferralReassign): Promise<Referral> {
  await checkProvider(ctx, input.provider_kind, input.provider_id, ctx.actor.scope("needs.read"));
  const created = await withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.status !== "pending" || referral.providerKind !== "community_queue") {
      throw new AppError("REFERRAL_NOT_PENDING");
    }
    const [category] = await tx.db.select().from(needCategories).where(eq(needCategories.code, need.category));
    const now = tx.now();
    await setReferral(tx, referral, { status: "cancelled", declineReason: input.reason });
    const [row] = await tx.db
      .insert(referrals)
      .values({
        needId: need.id,
        areaCode: need.areaCode,
        providerKind: input.provider_kind,
        providerId: input.provider_id,
        status: "pending",
        respondBy: new Date(now.getTime() + (category?.respondWithinHours ?? 24) * 3_600_000),
        resolveBy: new Date(now.getTime() + (category?.resolveWithinDays ?? 7) * 86_400_000),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id });
    await tx.db
      .update(needs)
      .set({
        routingRuleId: null,
        routingExplanation: `社区人工分派：${input.reason}`,
        routingExplanationEn: `Assigned by the community by hand: ${input.reason}`,
        version: sql`${needs.version} + 1`,
        updatedAt: now,
      })
      .where(eq(needs.id, need.id));
    await recordEvent(tx, need, "reassigned", need.status, input.reason);
    await audit(tx, "reassign", referral, { provider_kind: input.provider_kind, provider_id: input.provider_id, referral: row?.id });
    return row?.id as string;
  });
  return getReferralById(ctx, created);
}

/**
 * Providers this need must not go back to: every one that declined it or whose work the resident
 * (or a call-back) said did not solve it.
 */
async function providersToSkip(ctx: Ctx, needId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ providerId: referrals.providerId })
    .from(referrals)
    .where(and(eq(referrals.needId, needId), inArray(referrals.status, ["declined", "failed"]), isNotNull(referrals.providerId)));
  return rows.map((row) => row.providerId as string);
}

/**
 * Mark an accepted referral done; the need waits for the resident's confirmation. Evidence first:
 * a referral without a service record cannot be done.
 * @throws AppError REFERRAL_NOT_ACCEPTED, REFERRAL_NO_SERVICE_RECORD
 */
export async function completeReferral(ctx: ActorCtx, id: string): Promise<Referral> {
  await withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.status !== "accepted") {
      throw new AppError("REFERRAL_NOT_ACCEPTED");
    }
    const [record] = await tx.db
      .select({ id: serviceRecords.id })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.areaCode, referral.areaCode), eq(serviceRecords.referralId, referral.id)))
      .limit(1);
    if (!record) {
      throw new AppError("REFERRAL_NO_SERVICE_RECORD");
    }
    await setReferral(tx, referral, { status: "done", completedBy: tx.actor.userId });
    await setNeedStatus(tx, need, "done", { doneAt: tx.now() });
    await recordEvent(tx, need, "completed", "done", null);
    await audit(tx, "complete", referral);
  });
  return getReferral(ctx, id);
}

/** Record service on an accepted referral (minutes per party); the need moves to in_service. */
export async function addServiceRecord(ctx: ActorCtx, id: string, input: ServiceRecordCreate): Promise<ServiceRecord> {
  return withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.status !== "accepted") {
      throw new AppError("REFERRAL_NOT_ACCEPTED");
    }
    const [row] = await tx.db
      .insert(serviceRecords)
      .values({
        areaCode: referral.areaCode,
        referralId: referral.id,
        servedOn: input.served_on,
        minutes: input.minutes,
        partyKind: input.party_kind,
        partyName: input.party_name,
        notes: input.notes ?? null,
        createdBy: tx.actor.userId,
      })
      .returning();
    if (need.status === "accepted") {
      await setNeedStatus(tx, need, "in_service");
    }
    await recordEvent(tx, need, "service", need.status === "accepted" ? "in_service" : need.status, `${input.minutes} min`);
    await audit(tx, "service_record", referral, { minutes: input.minutes, party_kind: input.party_kind });
    const record = row as typeof serviceRecords.$inferSelect;
    return {
      id: record.id,
      referral_id: record.referralId,
      served_on: record.servedOn,
      minutes: record.minutes,
      party_kind: record.partyKind,
      party_name: record.partyName,
      notes: record.notes,
    };
  });
}

/** Whether the actor is the resident the need belongs to: they reported it themself, or it is recorded for them. */
function isOwnNeed(ctx: ActorCtx, need: NeedRow, linkedResidentId: string | null): boolean {
  if (!ctx.actor.memberships.some((m) => m.role === "resident")) {
    return false;
  }
  return (
    (need.channel === "portal" && need.createdBy === ctx.actor.userId) ||
    (linkedResidentId !== null && need.residentId === linkedResidentId)
  );
}

/** Whether the actor served the need: accepted or completed one of its referrals, or recorded service on it. */
async function actorServed(ctx: ActorCtx, need: NeedRow): Promise<boolean> {
  const userId = ctx.actor.userId;
  const [row] = await ctx.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.needId, need.id),
        sql`(${referrals.acceptedBy} = ${userId} OR ${referrals.completedBy} = ${userId} OR EXISTS (
          SELECT 1 FROM ${serviceRecords} sr WHERE sr.referral_id = ${referrals.id} AND sr.created_by = ${userId}))`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Confirms a done need: solved closes it, not solved reopens it and routes it again past every
 * provider that declined or failed it. Only this closes a need. Who may confirm:
 * - the resident the need belongs to (own report, or the record their account is linked to): no call-back;
 * - staff of the need's area, only with a recorded call-back, only once the resident has had
 *   `waitDays` to answer (at once when the resident has no account), and never the person who
 *   accepted, completed or recorded service on a referral of this need.
 * The rating goes once to each provider whose done referral the confirmation follows.
 * @throws NOT_FOUND, NEED_NOT_DONE, NEED_CALLBACK_REQUIRED, NEED_CALLBACK_NOT_ALLOWED (resident sent one),
 *   NEED_CALLBACK_TOO_EARLY, NEED_CONFIRMER_SERVED, NEED_CALLBACK_IN_FUTURE
 */
export async function confirmNeed(ctx: ActorCtx, id: string, input: NeedConfirmation): Promise<NeedDetail> {
  const linked = ctx.actor.memberships.some((m) => m.role === "resident") ? await linkedResidentOf(ctx, ctx.actor.userId) : null;
  await withTx(ctx, async (tx) => {
    const [need] = await tx.db
      .select()
      .from(needs)
      .where(
        and(
          eq(needs.id, id),
          sql`(${inScope(needs.areaCode, tx.actor.scope("needs.write"))} OR ${needs.createdBy} = ${tx.actor.userId}${
            linked ? sql` OR ${needs.residentId} = ${linked.residentId}` : sql``
          })`,
        ),
      )
      .for("update");
    if (!need) {
      throw notFound();
    }
    if (need.status !== "done") {
      throw new AppError("NEED_NOT_DONE");
    }
    const now = tx.now();
    const own = isOwnNeed(tx, need, linked?.residentId ?? null);
    if (own && input.callback) {
      throw new AppError("NEED_CALLBACK_NOT_ALLOWED");
    }
    if (!own) {
      if (!input.callback) {
        throw new AppError("NEED_CALLBACK_REQUIRED");
      }
      if (new Date(input.callback.called_at).getTime() > now.getTime() + 60_000) {
        throw new AppError("NEED_CALLBACK_IN_FUTURE");
      }
      if (await actorServed(tx, need)) {
        throw new AppError("NEED_CONFIRMER_SERVED");
      }
      const allowedFrom = callbackAllowedFrom(need.doneAt, await residentHasAccount(tx, need), loadConfig().confirmationWaitDays);
      if (allowedFrom !== null && allowedFrom.getTime() > now.getTime()) {
        throw new AppError("NEED_CALLBACK_TOO_EARLY", { from: allowedFrom.toISOString() });
      }
      await tx.db.insert(needCallbacks).values({
        areaCode: need.areaCode,
        needId: need.id,
        method: input.callback.method,
        calledAt: new Date(input.callback.called_at),
        answeredBy: input.callback.answered_by,
        summary: input.callback.summary,
        solved: input.solved,
        rating: input.rating,
        recordedBy: tx.actor.userId,
        createdAt: now,
      });
    }
    const source = own ? "resident" : "callback";
    // The rating goes once to each provider whose work this confirmation judges: the done referrals.
    await tx.db
      .update(referrals)
      .set({
        status: input.solved ? "done" : "failed",
        rating: input.rating,
        ratingSource: source,
        ratedAt: now,
        version: sql`${referrals.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(referrals.needId, need.id), eq(referrals.status, "done"), sql`${referrals.rating} IS NULL`));
    const ratings = own ? { rating: input.rating, callbackRating: null } : { rating: null, callbackRating: input.rating };
    const detail = { solved: input.solved, rating: input.rating, confirmed_by: source };
    if (input.solved) {
      await setNeedStatus(tx, need, "closed", {
        ...ratings,
        confirmationComment: input.comment ?? null,
        closedAt: now,
        confirmedBy: source,
      });
      await recordEvent(tx, need, "confirmed", "closed", input.comment ?? (own ? null : input.callback?.summary) ?? null);
      await tx.audit.record("needs.confirm", { entityType: "need", entityId: need.id, areaCode: need.areaCode, detail });
      return;
    }
    const reopened = await setNeedStatus(tx, need, "reopened", {
      rating: null,
      callbackRating: null,
      confirmationComment: input.comment ?? null,
      doneAt: null,
    });
    await recordEvent(tx, need, "reopened", "reopened", input.comment ?? (own ? null : input.callback?.summary) ?? null);
    await tx.audit.record("needs.reopen", { entityType: "need", entityId: need.id, areaCode: need.areaCode, detail });
    await routeNeed(tx, reopened, await providersToSkip(tx, need.id));
  });
  return getNeed(ctx, id);
}

function presentRule(row: typeof routingRules.$inferSelect): RoutingRule {
  return {
    id: row.id,
    area_code: row.areaCode,
    position: row.position,
    category: row.category,
    resident_groups: row.residentGroups,
    area_prefix: row.areaPrefix,
    tier: row.tier,
    provider_kind: row.providerKind,
    provider_id: row.providerId,
    enabled: row.enabled,
    version: row.version,
  };
}

/** Rules readable by the actor: owned inside their scope, or by an ancestor of it (inherited). */
export async function listRules(ctx: ActorCtx, areaCode: string | undefined): Promise<{ items: RoutingRule[] }> {
  const scope = [...ctx.actor.scope("routing.manage"), ...ctx.actor.scope("needs.read")];
  const conditions = [
    sql`(${inScope(routingRules.areaCode, scope)} OR ${sql.join(
      scope.length ? scope.map((prefix) => sql`${prefix} LIKE ${routingRules.areaCode} || '%'`) : [sql`false`],
      sql` OR `,
    )})`,
  ];
  if (areaCode) {
    conditions.push(sql`(${areaCode} LIKE ${routingRules.areaCode} || '%' OR ${routingRules.areaCode} LIKE ${`${areaCode}%`})`);
  }
  const rows = await ctx.db
    .select()
    .from(routingRules)
    .where(and(...conditions))
    .orderBy(sql`length(${routingRules.areaCode}) DESC`, routingRules.areaCode, routingRules.position, routingRules.id);
  return { items: rows.map(presentRule) };
}

/**
 * A provider named by a rule or by hand must exist: an organization, or an active social worker
 * visible under `prefixes` (home area or a served community); the community queue names none.
 * @throws AppError PROVIDER_UNKNOWN
 */
async function checkProvider(ctx: Ctx, kind: RoutingRule["provider_kind"], id: string | null, prefixes: readonly string[]) {
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

function checkRuleArea(owner: string, areaPrefix: string | null | undefined): void {
  if (areaPrefix && !areaPrefix.startsWith(owner)) {
    throw new AppError("ROUTING_AREA_OUTSIDE");
  }
}

/** Create a rule for a jurisdiction in the official's scope. */
export async function createRule(ctx: ActorCtx, input: RoutingRuleCreate): Promise<RoutingRule> {
  if (!ctx.actor.scope("routing.manage").some((prefix) => input.area_code.startsWith(prefix))) {
    throw notFound();
  }
  checkRuleArea(input.area_code, input.area_prefix);
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
      detail: { ...input },
    });
    return presentRule(rule);
  });
}

/** Change a rule owned inside the official's scope (send the version read). */
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

/** Marks referrals read when the provider opens them (inbox unread counts). */
export async function markRead(ctx: ActorCtx, id: string): Promise<void> {
  await ctx.db
    .update(referrals)
    .set({ readAt: ctx.now() })
    .where(and(eq(referrals.id, id), referralHandled(ctx), sql`${referrals.readAt} IS NULL`));
}

/**
 * A social worker opens a case from an accepted referral addressed to them (personally or to an
 * organization they staff): resident and community come from the need; one case per referral.
 * @throws AppError NOT_FOUND (not theirs), REFERRAL_NOT_ACCEPTED, CASE_REFERRAL_NO_RESIDENT,
 *   CASE_NO_WORKER, CASE_EXISTS (409 with existing_id).
 */
export async function openCaseForReferral(ctx: ActorCtx, id: string, input: CaseFromReferral): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const { referral, need } = await lockReferral(tx, id);
    if (referral.providerKind === "community_queue") {
      throw notFound();
    }
    if (referral.status !== "accepted" && referral.status !== "done") {
      throw new AppError("REFERRAL_NOT_ACCEPTED");
    }
    if (!need.residentId) {
      throw new AppError("CASE_REFERRAL_NO_RESIDENT");
    }
    return openCaseFromReferral(
      tx,
      { referralId: referral.id, needId: need.id, residentId: need.residentId, areaCode: need.areaCode, description: need.description },
      input,
    );
  });
}
