import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { NotificationListQuery, NotificationPage } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { notifications } from "./schema.js";
import { presentNotification } from "./present.js";

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^[0-9a-f-]{36}$/.test(value[1]) && !Number.isNaN(Date.parse(value[0]))) {
        return [value[0], value[1]];
      }
    }
  } catch {
    return null;
  }
  return null;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");

/** The actor's own notifications, newest first (keyset), with their unread count: two queries. */
export async function listNotifications(ctx: ActorCtx, query: NotificationListQuery): Promise<NotificationPage> {
  const mine = eq(notifications.recipientId, ctx.actor.userId);
  const conditions: SQL[] = [mine];
  if (query.unread === "1") {
    conditions.push(isNull(notifications.readAt));
  }
  const after = query.cursor ? decodeCursor(query.cursor) : null;
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
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    unread_count: Number(unread?.count ?? 0),
  };
}
