import { and, eq, notInArray, sql } from "drizzle-orm";
import type { NeedConfirmation, NeedContact, NeedCreate, NeedDetail } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { maskEmail, maskName, maskPhone, pii } from "../../platform/pii/index.js";
import { loadConfig } from "../../platform/config.js";
import { getResidentFacts, linkedResidentOf } from "../residents/index.js";
import { getGridNames } from "../communities/index.js";
import { findCategory, getNeed } from "./queries.js";
import { needCallbacks, needEvents, needs, referrals, serviceRecords } from "./schema.js";
import { callbackAllowedFrom, isOwnNeed } from "./policy.js";
import { residentHasAccount } from "./resident-accounts.js";
import { actorLogin, recordEvent, setNeedStatus, type CategoryRow, type NeedRow } from "./status.js";
import { decideRouting } from "./routing/queries.js";
import { referFromDecision, routeNeed } from "./routing/service.js";
import { providersToSkip } from "./referrals/queries.js";

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
