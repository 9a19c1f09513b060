import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { MAX_ATTACHMENTS_PER_NEED, type AttachmentContentType, type NeedAttachment } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { needVisible } from "./queries.js";
import { needAttachments, needs } from "./schema.js";

type AttachmentRow = typeof needAttachments.$inferSelect;

/** The image type of `bytes` by its magic numbers (JPEG, PNG, WebP), or null for anything else. */
export function sniffImageType(bytes: Buffer): AttachmentContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "image/jpeg";
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png";
  }
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    return "image/webp";
  }
  return null;
}

export function presentAttachment(row: Pick<AttachmentRow, "id" | "contentType" | "sizeBytes" | "createdAt">): NeedAttachment {
  return { id: row.id, content_type: row.contentType, size_bytes: row.sizeBytes, created_at: row.createdAt.toISOString() };
}

/**
 * POST /needs/{id}/attachments: the resident who reported the need, or staff with needs.write over its
 * community, adds a photo. The type comes from the bytes (the header is not trusted); at most
 * MAX_ATTACHMENTS_PER_NEED per need, counted under the need's row lock. @throws NOT_FOUND out of scope.
 */
export async function addAttachment(ctx: ActorCtx, needId: string, body: unknown): Promise<NeedAttachment> {
  const bytes = Buffer.isBuffer(body) ? body : null;
  const contentType = bytes ? sniffImageType(bytes) : null;
  return withTx(ctx, async (tx) => {
    const [need] = await tx.db
      .select({ id: needs.id, areaCode: needs.areaCode })
      .from(needs)
      .where(
        and(
          eq(needs.id, needId),
          sql`(${inScope(needs.areaCode, tx.actor.scope("needs.write"))} OR ${needs.createdBy} = ${tx.actor.userId})`,
        ),
      )
      .for("update");
    if (!need) {
      throw notFound();
    }
    if (!bytes || !contentType) {
      throw new AppError("ATTACHMENT_TYPE_REFUSED");
    }
    const [count] = await tx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(needAttachments)
      .where(and(eq(needAttachments.areaCode, need.areaCode), eq(needAttachments.needId, need.id)));
    if (Number(count?.count ?? 0) >= MAX_ATTACHMENTS_PER_NEED) {
      throw new AppError("ATTACHMENT_LIMIT_REACHED", { max: MAX_ATTACHMENTS_PER_NEED });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const [row] = await tx.db
      .insert(needAttachments)
      .values({
        areaCode: need.areaCode,
        needId: need.id,
        contentType,
        sizeBytes: bytes.length,
        sha256,
        bytes,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning({
        id: needAttachments.id,
        contentType: needAttachments.contentType,
        sizeBytes: needAttachments.sizeBytes,
        createdAt: needAttachments.createdAt,
      });
    const attachment = row as Pick<AttachmentRow, "id" | "contentType" | "sizeBytes" | "createdAt">;
    await tx.audit.record("needs.attachment_add", {
      entityType: "need",
      entityId: need.id,
      areaCode: need.areaCode,
      detail: { attachment: attachment.id, content_type: contentType, size_bytes: bytes.length, sha256 },
    });
    return presentAttachment(attachment);
  });
}

/** One photo of a need the actor may read (scoped exactly like the need). @throws NOT_FOUND otherwise. */
export async function getAttachment(
  ctx: ActorCtx,
  needId: string,
  attachmentId: string,
): Promise<{ contentType: AttachmentContentType; bytes: Buffer; sha256: string }> {
  const [row] = await ctx.db
    .select({ contentType: needAttachments.contentType, bytes: needAttachments.bytes, sha256: needAttachments.sha256 })
    .from(needAttachments)
    .innerJoin(needs, eq(needs.id, needAttachments.needId))
    .where(and(eq(needAttachments.id, attachmentId), eq(needAttachments.needId, needId), needVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}
