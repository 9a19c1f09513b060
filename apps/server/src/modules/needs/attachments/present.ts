import type { NeedAttachment } from "@sanshe/contracts";
import type { needAttachments } from "../schema.js";

type AttachmentRow = typeof needAttachments.$inferSelect;

/** A stored photo as the API shows it (never its bytes). */
export function presentAttachment(row: Pick<AttachmentRow, "id" | "contentType" | "sizeBytes" | "createdAt">): NeedAttachment {
  return { id: row.id, content_type: row.contentType, size_bytes: row.sizeBytes, created_at: row.createdAt.toISOString() };
}
