import { and, eq, sql } from "drizzle-orm";
import type {
  Case,
  CaseFromReferral,
  NeedContact,
  Referral,
  ReferralContact,
  ReferralReassign,
  ServiceRecord,
  ServiceRecordCreate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { pii } from "../../../platform/pii/index.js";
import { openCaseFromReferral } from "../../cases/index.js";
import { residentVisitContactUnmasked } from "../../residents/index.js";
import { notify } from "../../notifications/index.js";
import { residentAccountOf } from "../resident-accounts.js";
import { needCategories, needs, referrals, serviceRecords } from "../schema.js";
import { recordEvent, setNeedStatus, type NeedRow } from "../status.js";
import { checkProvider, routeNeed } from "../routing/service.js";
import { getReferral, getReferralById, providersToSkip, referralHandled } from "./queries.js";
import { presentServiceRecord } from "./present.js";

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
 * Tells the resident (站内通知, and e-mail through the notification channels) that their need was
 * served and waits for their confirmation, the only thing that closes it. Nobody to tell when the
 * need has no resident account (anonymous contact, Open311): staff then confirm by call-back.
 */
async function notifyResidentToConfirm(ctx: ActorCtx, need: NeedRow): Promise<void> {
  const recipient = await residentAccountOf(ctx, need);
  if (recipient === null) {
    return;
  }
  const [category] = await ctx.db.select({ name: needCategories.name }).from(needCategories).where(eq(needCategories.code, need.category));
  const categoryName = category?.name ?? need.category;
  await notify(ctx, {
    recipients: [recipient],
    areaCode: need.areaCode,
    kind: "need_awaiting_confirmation",
    title: `请确认：您的「${categoryName}」需求已办完`,
    body: `服务方已完成您反映的「${categoryName}」需求。请在「我的需求」中确认是否已解决并评价；确认后需求才会办结。`,
    link: "/my-needs",
  });
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
    await notifyResidentToConfirm(tx, need);
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
    return presentServiceRecord(row as typeof serviceRecords.$inferSelect);
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

/**
 * The contact and address of an accepted referral addressed to the actor, unmasked: the registered
 * resident's name, phone and address, or the need's anonymous contact and address. Every call writes
 * `referrals.contact_reveal` (the fields and the stated purpose, never the values) in the same transaction.
 * @throws AppError NOT_FOUND when not addressed to the actor; REFERRAL_CONTACT_LOCKED unless accepted.
 */
export async function revealReferralContact(ctx: ActorCtx, id: string, purpose: string): Promise<ReferralContact> {
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ referral: referrals, residentId: needs.residentId, contactEnc: needs.contactEnc, address: needs.address })
      .from(referrals)
      .innerJoin(needs, eq(needs.id, referrals.needId))
      .where(and(eq(referrals.id, id), referralHandled(tx)));
    if (!row) {
      throw notFound();
    }
    if (row.referral.status !== "accepted") {
      throw new AppError("REFERRAL_CONTACT_LOCKED");
    }
    let result: ReferralContact = { contact_name: null, contact_phone: null, contact_email: null, address: row.address };
    if (row.residentId) {
      const resident = await residentVisitContactUnmasked(tx, row.residentId);
      if (resident) {
        result = {
          contact_name: resident.name,
          contact_phone: resident.phone,
          contact_email: null,
          address: resident.address ?? row.address,
        };
      }
    } else if (row.contactEnc) {
      const contact = JSON.parse(pii().decrypt(row.contactEnc)) as NeedContact;
      result = {
        contact_name: contact.name,
        contact_phone: contact.phone ?? null,
        contact_email: contact.email ?? null,
        address: row.address,
      };
    }
    const fields = Object.entries(result)
      .filter(([, value]) => value !== null)
      .map(([field]) => field)
      .sort();
    await audit(tx, "contact_reveal", row.referral, { fields, purpose, resident: row.residentId });
    return result;
  });
}
