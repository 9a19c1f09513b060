import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { NotificationListQuery, NotificationPage } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { notifications } from "./schema.js";
import { presentNotification } from "./present.js";

/** (created_at, id) of the last row; an unreadable cursor starts from the beginning. */
const newestCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));

/** The actor's own notifications, newest first (keyset), with their unread count: two queries. */
export async function listNotifications(ctx: ActorCtx, query: NotificationListQuery): Promise<NotificationPage> {
  const mine = eq(notifications.recipientId, ctx.actor.userId);
  const conditions: SQL[] = [mine];
  if (query.unread === "1") {
    conditions.push(isNull(notifications.readAt));
  }
  const after = newestCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentNotification),
    next_cursor: rows.length > query.limit && last ? newestCursor.encode([last.createdAt.toISOString(), last.id]) : null,
    unread_count: Number(unread?.count ?? 0),
  };
}
