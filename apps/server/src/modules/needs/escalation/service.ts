import { asc, eq, sql, type Column, type SQL } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { queryRows } from "../../../platform/db/client.js";
import { sweepEscalations, type EscalationBatch, type EscalationResult } from "../../../platform/jobs/escalation-sweep.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { notify } from "../../notifications/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { needCategories, needEvents, needs, referralEscalations, referrals } from "../schema.js";
import { escalationReason, type Clock } from "./policy.js";
import { officialsOf } from "./queries.js";

/** One sweeper at a time across servers (the unique (referral, clock) index is the final guard). */
const escalationLockKey = 74616003;

export type { EscalationResult };

/** SQL: the referral passed this clock and it was not escalated yet. */
function unescalated(clock: Clock, status: "pending" | "accepted", column: Column, at: SQL): SQL {
  return sql`(${referrals.status} = ${status} AND ${column} < ${at} AND NOT EXISTS (SELECT 1 FROM ${referralEscalations} WHERE ${referralEscalations.referralId} = ${referrals.id} AND ${referralEscalations.clock} = ${clock}))`;
}

async function escalateBatch(tx: Ctx, batchSize: number): Promise<EscalationBatch> {
  const now = tx.now();
  const at = sql`${now.toISOString()}::timestamptz`;
  const candidates = await tx.db
    .select({
      referral: referrals,
      needStatus: needs.status,
      categoryName: needCategories.name,
    })
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(
      sql`(${unescalated("respond", "pending", referrals.respondBy, at)} OR ${unescalated("resolve", "accepted", referrals.resolveBy, at)})`,
    )
    .orderBy(asc(referrals.areaCode), asc(referrals.id))
    .limit(batchSize);
  if (candidates.length === 0) {
    return { escalated: 0, notifications: 0, full: false };
  }
  const streets = [...new Set(candidates.map((c) => c.referral.areaCode.slice(0, 9)))];
  const districts = [...new Set(candidates.map((c) => c.referral.areaCode.slice(0, 6)))];
  // One after another: the transaction holds one connection.
  const officials = await officialsOf(tx, [...streets, ...districts]);
  const areaNames = await getAreaNames(tx, [...new Set(candidates.map((c) => c.referral.areaCode))]);
  const organizations = await getOrganizations(
    tx,
    candidates
      .filter((c) => c.referral.providerKind === "organization" && c.referral.providerId)
      .map((c) => c.referral.providerId as string),
  );
  let escalated = 0;
  let sent = 0;
  for (const { referral, needStatus, categoryName } of candidates) {
    const clock: Clock = referral.status === "pending" ? "respond" : "resolve";
    const dueAt = clock === "respond" ? referral.respondBy : referral.resolveBy;
    const street = referral.areaCode.slice(0, 9);
    const streetOfficials = officials.get(street) ?? [];
    const level = streetOfficials.length > 0 ? "street" : "district";
    const recipients = streetOfficials.length > 0 ? streetOfficials : (officials.get(referral.areaCode.slice(0, 6)) ?? []);
    const [inserted] = await tx.db
      .insert(referralEscalations)
      .values({
        areaCode: referral.areaCode,
        referralId: referral.id,
        needId: referral.needId,
        clock,
        dueAt,
        escalatedAt: now,
        recipients: recipients.length,
      })
      .onConflictDoNothing()
      .returning({ id: referralEscalations.id });
    if (!inserted) {
      continue;
    }
    const reason = escalationReason(clock, dueAt, now);
    await tx.db.insert(needEvents).values({
      needId: referral.needId,
      areaCode: referral.areaCode,
      kind: "escalated",
      status: needStatus,
      actorLogin: tx.actor?.login ?? "system",
      reason,
      at: now,
    });
    await tx.audit.record("referrals.escalate", {
      entityType: "referral",
      entityId: referral.id,
      areaCode: referral.areaCode,
      detail: {
        need: referral.needId,
        clock,
        due_at: dueAt.toISOString(),
        late_minutes: Math.floor((now.getTime() - dueAt.getTime()) / 60_000),
        level,
        recipients: recipients.length,
      },
    });
    const provider =
      referral.providerKind === "community_queue" ? "社区分派队列" : (organizations.get(referral.providerId ?? "")?.name ?? "服务方");
    sent += await notify(tx, {
      recipients,
      areaCode: referral.areaCode,
      kind: "referral_escalated",
      title: `${clock === "respond" ? "转介超时未接单" : "转介超时未办结"}：${categoryName}`,
      body: `${areaNames.get(referral.areaCode) ?? referral.areaCode}「${categoryName}」需求（${provider}）${reason}。`,
      link: `/needs/${referral.needId}`,
    });
    escalated += 1;
  }
  return { escalated, notifications: sent, full: candidates.length === batchSize };
}

/**
 * Folds the rows of referral_deadline_rollups for days before today (China date) into one row per
 * community and provider (ADR 0011), in one statement. It only keeps that table small: the dashboard
 * sums every row before today, folded or not. Safe to run concurrently with writers and other folds.
 * Returns the number of day rows folded.
 */
export async function foldReferralDeadlines(ctx: Ctx): Promise<number> {
  const today = new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [row] = await queryRows<{ folded: number }>(ctx.db, sql`SELECT fold_referral_deadline_rollups(${today}::date) AS folded`);
  return Number(row?.folded ?? 0);
}

/**
 * Escalates every referral past a clock to the street officials (the district's when the street has
 * none), once per referral and clock: respond_by while pending, resolve_by while accepted (in service).
 * Each escalation adds an "escalated" event to the need's history, an audit record and a notification
 * per official. Safe to run repeatedly and on several servers (advisory lock + unique index); a sweep
 * that finds another one running stops at once. Then folds the dashboard's deadline roll-up
 * (foldReferralDeadlines), which the periodic sweep and `sanshe needs escalate` thus keep small.
 */
export async function escalateOverdue(ctx: Ctx, options: { batchSize?: number } = {}): Promise<EscalationResult> {
  const batchSize = options.batchSize ?? 200;
  const total = await sweepEscalations(ctx, escalationLockKey, (tx) => escalateBatch(tx, batchSize));
  await foldReferralDeadlines(ctx);
  return total;
}
