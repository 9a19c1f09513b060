import { and, eq, sql } from "drizzle-orm";
import { MAX_ATTACHMENTS_PER_NEED, type NeedAttachment } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { inScope } from "../../../platform/scope/index.js";
import { readUpload, storedFile } from "../../../platform/files/attachments.js";
import { needAttachments, needs } from "../schema.js";
import { photoTypes } from "./policy.js";
import { presentAttachment } from "./present.js";

type AttachmentRow = typeof needAttachments.$inferSelect;

/**
 * POST /needs/{id}/attachments: the resident who reported the need, or staff with needs.write over its
 * community, adds a photo. The type comes from the bytes (the header is not trusted); at most
 * MAX_ATTACHMENTS_PER_NEED per need, counted under the need's row lock. @throws NOT_FOUND out of scope.
 */
export async function addAttachment(ctx: ActorCtx, needId: string, body: unknown): Promise<NeedAttachment> {
  const upload = readUpload(body, photoTypes);
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
    if (!upload) {
      throw new AppError("ATTACHMENT_TYPE_REFUSED");
    }
    const [count] = await tx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(needAttachments)
      .where(and(eq(needAttachments.areaCode, need.areaCode), eq(needAttachments.needId, need.id)));
    if (Number(count?.count ?? 0) >= MAX_ATTACHMENTS_PER_NEED) {
      throw new AppError("ATTACHMENT_LIMIT_REACHED", { max: MAX_ATTACHMENTS_PER_NEED });
    }
    const [row] = await tx.db
      .insert(needAttachments)
      .values({
        areaCode: need.areaCode,
        needId: need.id,
        ...storedFile(upload),
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
      detail: { attachment: attachment.id, content_type: upload.contentType, size_bytes: upload.sizeBytes, sha256: upload.sha256 },
    });
    return presentAttachment(attachment);
  });
}
