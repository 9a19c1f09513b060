import type { Announcement, AnnouncementAttachment, Role } from "@sanshe/contracts";
import type { announcementAttachments, announcements } from "./schema.js";

/** An announcement with its area's name and the sender's name, as every list selects it. */
export type ListRow = { announcement: typeof announcements.$inferSelect; areaName: string | null; publishedByName: string | null };

/** An announcement as a list shows it; `readAt` is the reader's receipt. */
export function presentAnnouncement(row: ListRow, readAt: Date | null): Announcement {
  const a = row.announcement;
  return {
    id: a.id,
    area_code: a.areaCode,
    area_name: row.areaName ?? a.areaCode,
    title: a.title,
    body_html: a.bodyHtml,
    audience: { roles: a.audienceRoles as Role[], organization_ids: a.audienceOrgIds },
    pinned: a.pinned,
    expires_at: a.expiresAt ? a.expiresAt.toISOString() : null,
    published_at: a.publishedAt.toISOString(),
    published_by_name: row.publishedByName ?? "",
    read_at: readAt ? readAt.toISOString() : null,
    version: a.version,
  };
}

/** An attachment's metadata (the bytes are downloaded separately). */
export function presentAttachment(
  row: Pick<typeof announcementAttachments.$inferSelect, "id" | "fileName" | "contentType" | "sizeBytes" | "createdAt">,
): AnnouncementAttachment {
  return {
    id: row.id,
    file_name: row.fileName,
    content_type: row.contentType,
    size_bytes: row.sizeBytes,
    created_at: row.createdAt.toISOString(),
  };
}
