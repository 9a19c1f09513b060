import type { AttachmentContentType } from "@sanshe/contracts";
import { sniffFileType } from "../../../platform/files/attachments.js";

/** The photo types a need accepts (decided from the bytes, never from the header). */
export const photoTypes = ["image/jpeg", "image/png", "image/webp"] as const satisfies readonly AttachmentContentType[];

/** The image type of `bytes` by its magic numbers (JPEG, PNG, WebP), or null for anything else. */
export function sniffImageType(bytes: Buffer): AttachmentContentType | null {
  return sniffFileType(bytes, photoTypes);
}
