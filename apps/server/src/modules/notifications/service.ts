import { and, eq, isNull } from "drizzle-orm";
import type { Notification } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { presentNotification } from "./present.js";
import { notifications } from "./schema.js";

export type NotificationInput = {
  /** Users to notify; duplicates are sent once. */
  recipients: readonly string[];
  /** Jurisdiction the notification is about. */
  areaCode: string;
  kind: string;
  title: string;
  body: string;
  /** Console path, e.g. /needs/{id}. */
  link?: string | null;
};

/**
 * Sends one notification to each recipient, in the caller's transaction (one insert). The caller
 * audits the business event that caused it. Returns how many were written.
 */
export async function notify(ctx: Ctx, input: NotificationInput): Promise<number> {
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) {
    return 0;
  }
  const now = ctx.now();
  await ctx.db.insert(notifications).values(
    recipients.map((recipientId) => ({
      areaCode: input.areaCode,
      recipientId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      createdAt: now,
    })),
  );
  return recipients.length;
}

/** Marks one of the actor's notifications read (again: unchanged). @throws NOT_FOUND for anyone else's. */
export async function markNotificationRead(ctx: ActorCtx, id: string): Promise<Notification> {
  const mine = and(eq(notifications.id, id), eq(notifications.recipientId, ctx.actor.userId));
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  const row = updated ?? (await ctx.db.select().from(notifications).where(mine))[0];
  if (!row) {
    throw notFound();
  }
  return presentNotification(row);
}

/** Marks all of the actor's unread notifications read; returns how many. */
export async function markAllNotificationsRead(ctx: ActorCtx): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.recipientId, ctx.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
