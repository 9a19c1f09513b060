import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import type { Mailer } from "../../platform/mail/index.js";
import { users } from "../../platform/auth/index.js";
import { notificationPreferences, notifications } from "./schema.js";

const day = 24 * 60 * 60 * 1000;
/** Only notifications younger than this are e-mailed (turning e-mail on later does not flood the inbox). */
const emailWindowMs = day;
const maxBackoffMs = 60 * 60 * 1000;
/** How long a sweep's claim on a notification keeps other sweeps off it while it sends. */
const claimLeaseMs = 10 * 60 * 1000;

/** Users whose notifications are e-mailed with the given delivery: e-mail on (default) and an address set. */
const emailable = (delivery: "immediately" | "daily_digest") =>
  and(
    isNotNull(users.email),
    sql`coalesce(${notificationPreferences.emailEnabled}, true)`,
    sql`coalesce(${notificationPreferences.delivery}, 'immediately') = ${delivery}`,
  );

const mailText = (row: { title: string; body: string; link: string | null }) =>
  `${row.title}\n\n${row.body}${row.link ? `\n\n${row.link}` : ""}`;

export type DeliveryResult = { sent: number; failed: number };

/**
 * The e-mail outbox for immediate delivery: notifications already committed, not yet e-mailed,
 * younger than a day, of users who want each one. A sweep first claims its batch in one UPDATE (the
 * retry time moves a lease ahead), so a second sweep running at the same time — the server's and the
 * CLI's, or two servers — skips those rows instead of sending them again. Each claimed one is sent,
 * then marked; a failed send counts an attempt and waits (1, 2, 4 … 60 minutes) before a later sweep
 * retries it. A sweep that dies mid-batch leaves its claims to expire after the lease. The
 * notification itself is never touched otherwise, so nothing is lost.
 */
export async function sendPendingEmails(ctx: Ctx, mailer: Mailer, options: { batchSize?: number } = {}): Promise<DeliveryResult> {
  const now = ctx.now();
  const retryable = or(isNull(notifications.emailRetryAt), lte(notifications.emailRetryAt, now));
  const due = ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.recipientId))
    .where(
      and(
        isNull(notifications.emailedAt),
        gt(notifications.createdAt, new Date(now.getTime() - emailWindowMs)),
        retryable,
        emailable("immediately"),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(options.batchSize ?? 200);
  // Re-checked under the row lock: a row another sweep claimed meanwhile no longer matches.
  const claimed = await ctx.db
    .update(notifications)
    .set({ emailRetryAt: new Date(now.getTime() + claimLeaseMs) })
    .where(and(inArray(notifications.id, due), isNull(notifications.emailedAt), retryable))
    .returning({
      id: notifications.id,
      recipientId: notifications.recipientId,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      attempts: notifications.emailAttempts,
      createdAt: notifications.createdAt,
    });
  const result: DeliveryResult = { sent: 0, failed: 0 };
  if (claimed.length === 0) {
    return result;
  }
  const recipients = await ctx.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(claimed.map((row) => row.recipientId))]));
  const emailOf = new Map(recipients.map((user) => [user.id, user.email]));
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  for (const row of claimed) {
    try {
      await mailer.send({ to: emailOf.get(row.recipientId) as string, subject: row.title, text: mailText(row) });
    } catch {
      const backoff = Math.min(maxBackoffMs, 60_000 * 2 ** row.attempts);
      await ctx.db
        .update(notifications)
        .set({ emailAttempts: row.attempts + 1, emailRetryAt: new Date(now.getTime() + backoff) })
        .where(eq(notifications.id, row.id));
      result.failed += 1;
      continue;
    }
    await ctx.db
      .update(notifications)
      .set({ emailedAt: now, emailRetryAt: null })
      .where(and(eq(notifications.id, row.id), isNull(notifications.emailedAt)));
    result.sent += 1;
  }
  return result;
}

/** The start of the current digest day: 08:00 in Asia/Shanghai, i.e. 00:00 UTC. */
export function digestDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The daily digest (每日汇总): once per digest day (from 08:00 Beijing time), each user who chose it
 * gets one e-mail listing their notifications of the last day not yet e-mailed, which are then
 * marked e-mailed. Per user, one transaction holding the preference row's lock, so a second sweep,
 * concurrent or later the same day, never sends again. A failed send rolls back and is retried by the
 * next sweep. The clock is ctx.now.
 */
export async function sendDigests(ctx: Ctx, mailer: Mailer): Promise<DeliveryResult> {
  const now = ctx.now();
  const dayStart = digestDayStart(now);
  const due = await ctx.db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(
      and(
        emailable("daily_digest"),
        or(isNull(notificationPreferences.lastDigestAt), sql`${notificationPreferences.lastDigestAt} < ${dayStart}`),
      ),
    );
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const { userId } of due) {
    try {
      const sent = await ctx.db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ email: users.email, lastDigestAt: notificationPreferences.lastDigestAt })
          .from(notificationPreferences)
          .innerJoin(users, eq(users.id, notificationPreferences.userId))
          .where(and(eq(notificationPreferences.userId, userId), emailable("daily_digest")))
          .for("update", { of: notificationPreferences });
        if (!locked?.email || (locked.lastDigestAt && locked.lastDigestAt >= dayStart)) {
          return false;
        }
        const pending = await tx
          .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link })
          .from(notifications)
          .where(
            and(
              eq(notifications.recipientId, userId),
              isNull(notifications.emailedAt),
              gt(notifications.createdAt, new Date(now.getTime() - day)),
              lte(notifications.createdAt, now),
            ),
          )
          .orderBy(asc(notifications.createdAt), asc(notifications.id));
        await tx.update(notificationPreferences).set({ lastDigestAt: now }).where(eq(notificationPreferences.userId, userId));
        if (pending.length === 0) {
          return false;
        }
        await mailer.send({
          to: locked.email,
          subject: `每日通知汇总：${pending.length} 条 / Daily digest: ${pending.length}`,
          text: pending.map((row, index) => `${index + 1}. ${mailText(row)}`).join("\n\n----\n\n"),
        });
        await tx
          .update(notifications)
          .set({ emailedAt: now })
          .where(
            inArray(
              notifications.id,
              pending.map((row) => row.id),
            ),
          );
        return true;
      });
      if (sent) {
        result.sent += 1;
      }
    } catch {
      result.failed += 1;
    }
  }
  return result;
}
