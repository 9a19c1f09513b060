import { and, eq } from "drizzle-orm";
import type { AttachmentContentType } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { needVisible } from "../queries.js";
import { needAttachments, needs } from "../schema.js";

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
