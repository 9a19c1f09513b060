import { z } from "zod";
import { TimestampSchema, UuidSchema } from "./common.js";

/** Image types a need attachment may have; the server checks the file's magic bytes, not the header. */
export const AttachmentContentTypeSchema = z.enum(["image/jpeg", "image/png", "image/webp"]).describe("Image type");
export type AttachmentContentType = z.infer<typeof AttachmentContentTypeSchema>;

/** Most photos one need may carry. */
export const MAX_ATTACHMENTS_PER_NEED = 6;
/** Largest photo accepted, in bytes (5 MB). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const NeedAttachmentSchema = z.object({
  id: UuidSchema,
  content_type: AttachmentContentTypeSchema,
  size_bytes: z.number().int().describe("Size in bytes"),
  created_at: TimestampSchema,
});
export type NeedAttachment = z.infer<typeof NeedAttachmentSchema>;

export const NeedAttachmentParamsSchema = z.object({ id: UuidSchema, attachmentId: UuidSchema });
