import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import type { Mailer } from "../../platform/mail/index.js";
import { users } from "../../platform/auth/index.js";
import { deliveryChannels, type DeliveryChannel, type DeliveryMessage, type DeliveryRecipient } from "./channels/index.js";
import { notificationPreferences, notifications } from "./schema.js";

const day = 24 * 60 * 60 * 1000;
/** Only notifications younger than this are e-mailed (turning e-mail on later does not flood the inbox). */
const emailWindowMs = day;
const maxBackoffMs = 60 * 60 * 1000;
/** How long a sweep's claim on a notification keeps other sweeps off it while it sends. */
const claimLeaseMs = 10 * 60 * 1000;

/** The users' contact columns the channels read (DeliveryRecipient). */
const recipientColumns = { id: users.id, email: users.email };
/** Some channel may reach the user: a contact on file (a new channel's contact column is OR-ed in here). */
const contactOnFile = isNotNull(users.email);

/**
 * Users whose notifications leave the platform with the given delivery: outside delivery on (default;
 * the preference is still called "e-mail on") and a contact on file.
 */
const deliverable = (delivery: "immediately" | "daily_digest") =>
  and(
    contactOnFile,
    sql`coalesce(${notificationPreferences.emailEnabled}, true)`,
    sql`coalesce(${notificationPreferences.delivery}, 'immediately') = ${delivery}`,
  );

const messageText = (row: { title: string; body: string; link: string | null }) =>
  `${row.title}\n\n${row.body}${row.link ? `\n\n${row.link}` : ""}`;

/**
 * Sends one message through every channel that reaches the user; rejects when one fails (the caller
 * retries the whole message later). Resolves false when no channel reaches the user any more.
 */
async function sendThroughChannels(
  channels: readonly DeliveryChannel[],
  user: DeliveryRecipient,
  message: DeliveryMessage,
): Promise<boolean> {
  const reaching = channels.filter((channel) => channel.canReach(user));
  for (const channel of reaching) {
    await channel.send(user, message);
  }
  return reaching.length > 0;
}

export type DeliveryResult = { sent: number; failed: number };

/** The e-mail outbox sweep with e-mail as the only channel (tests and callers holding just a mailer). */
export function sendPendingEmails(ctx: Ctx, mailer: Mailer, options: { batchSize?: number } = {}): Promise<DeliveryResult> {
  return deliverPending(ctx, deliveryChannels({ mailer }), options);
}

/**
 * The outbox for immediate delivery through the channels: notifications already committed, not yet delivered,
 * younger than a day, of users who want each one. A sweep first claims its batch in one UPDATE (the
 * retry time moves a lease ahead), so a second sweep running at the same time — the server's and the
 * CLI's, or two servers — skips those rows instead of sending them again. Each claimed one is sent,
 * then marked; a failed send counts an attempt and waits (1, 2, 4 … 60 minutes) before a later sweep
 * retries it. A sweep that dies mid-batch leaves its claims to expire after the lease. The
 * notification itself is never touched otherwise, so nothing is lost.
 */
export async function deliverPending(
  ctx: Ctx,
  channels: readonly DeliveryChannel[],
  options: { batchSize?: number } = {},
): Promise<DeliveryResult> {
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
        deliverable("immediately"),
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
    .select(recipientColumns)
    .from(users)
    .where(inArray(users.id, [...new Set(claimed.map((row) => row.recipientId))]));
  const recipientOf = new Map(recipients.map((user) => [user.id, user]));
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  for (const row of claimed) {
    const recipient = recipientOf.get(row.recipientId) ?? { id: row.recipientId, email: null };
    try {
      const reached = await sendThroughChannels(channels, recipient, { subject: row.title, text: messageText(row) });
      if (!reached) {
        // The contact was removed since the claim: release it; nothing was sent, nothing is marked.
        await ctx.db.update(notifications).set({ emailRetryAt: null }).where(eq(notifications.id, row.id));
        continue;
      }
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

/** The daily digest with e-mail as the only channel (tests and callers holding just a mailer). */
export function sendDigests(ctx: Ctx, mailer: Mailer): Promise<DeliveryResult> {
  return deliverDigests(ctx, deliveryChannels({ mailer }));
}

/**
 * The daily digest (每日汇总): once per digest day (from 08:00 Beijing time), each user who chose it
 * gets one e-mail listing their notifications of the last day not yet e-mailed, which are then
 * marked e-mailed. Per user, one transaction holding the preference row's lock, so a second sweep,
 * concurrent or later the same day, never sends again. A failed send rolls back and is retried by the
 * next sweep. The clock is ctx.now.
 */
export async function deliverDigests(ctx: Ctx, channels: readonly DeliveryChannel[]): Promise<DeliveryResult> {
  const now = ctx.now();
  const dayStart = digestDayStart(now);
  const due = await ctx.db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(
      and(
        deliverable("daily_digest"),
        or(isNull(notificationPreferences.lastDigestAt), sql`${notificationPreferences.lastDigestAt} < ${dayStart}`),
      ),
    );
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const { userId } of due) {
    try {
      const sent = await ctx.db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ ...recipientColumns, lastDigestAt: notificationPreferences.lastDigestAt })
          .from(notificationPreferences)
          .innerJoin(users, eq(users.id, notificationPreferences.userId))
          .where(and(eq(notificationPreferences.userId, userId), deliverable("daily_digest")))
          .for("update", { of: notificationPreferences });
        if (!locked || (locked.lastDigestAt && locked.lastDigestAt >= dayStart)) {
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
        const reached = await sendThroughChannels(
          channels,
          { id: locked.id, email: locked.email },
          {
            subject: `每日通知汇总：${pending.length} 条 / Daily digest: ${pending.length}`,
            text: pending.map((row, index) => `${index + 1}. ${messageText(row)}`).join("\n\n----\n\n"),
          },
        );
        if (!reached) {
          return false;
        }
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
