import { eq, sql } from "drizzle-orm";
import type { NotificationPreferences, NotificationPreferencesUpdate } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { versionConflict } from "../../platform/errors/app-error.js";
import { maskEmail } from "../../platform/pii/index.js";
import { users } from "../../platform/auth/index.js";
import { notificationPreferences } from "./schema.js";

/** The actor's delivery preferences (defaults when never saved: immediately, e-mail on), with the address masked. */
export async function getNotificationPreferences(ctx: ActorCtx): Promise<NotificationPreferences> {
  const [row] = await ctx.db
    .select({
      email: users.email,
      delivery: notificationPreferences.delivery,
      emailEnabled: notificationPreferences.emailEnabled,
      version: notificationPreferences.version,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, ctx.actor.userId));
  return {
    delivery: row?.delivery ?? "immediately",
    email_enabled: row?.emailEnabled ?? true,
    email_masked: row?.email ? maskEmail(row.email) : null,
    version: row?.version ?? 0,
  };
}

/**
 * Saves delivery, e-mail on/off and optionally the address (null removes it). Version 0 means never
 * saved. @throws VERSION_CONFLICT on a stale version.
 */
export async function updateNotificationPreferences(ctx: ActorCtx, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  await withTx(ctx, async (tx) => {
    const userId = tx.actor.userId;
    await tx.db.execute(sql`SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} FOR UPDATE`);
    const current = await getNotificationPreferences(tx);
    if (current.version !== input.version) {
      throw versionConflict(current);
    }
    const now = tx.now();
    await tx.db
      .insert(notificationPreferences)
      .values({ userId, delivery: input.delivery, emailEnabled: input.email_enabled, version: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: {
          delivery: input.delivery,
          emailEnabled: input.email_enabled,
          version: sql`${notificationPreferences.version} + 1`,
          updatedAt: now,
        },
      });
    if (input.email !== undefined) {
      await tx.db.update(users).set({ email: input.email, updatedAt: now }).where(eq(users.id, userId));
    }
    await tx.audit.record("notifications.preferences_update", {
      entityType: "user",
      entityId: userId,
      detail: { delivery: input.delivery, email_enabled: input.email_enabled, email_changed: input.email !== undefined },
    });
  });
  return getNotificationPreferences(ctx);
}
