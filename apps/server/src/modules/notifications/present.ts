import type { Notification } from "@sanshe/contracts";
import type { notifications } from "./schema.js";

/** A notification as its recipient reads it. */
export function presentNotification(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    area_code: row.areaCode,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    created_at: row.createdAt.toISOString(),
    read_at: row.readAt ? row.readAt.toISOString() : null,
  };
}
