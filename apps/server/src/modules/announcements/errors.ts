import { defineErrors } from "../../platform/errors/catalog.js";

/** The announcements module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const announcementsErrors = defineErrors({
  /** An announcement attachment is not a PDF, JPEG, PNG or WebP file (judged by its bytes). */
  ANNOUNCEMENT_FILE_TYPE_REFUSED: {
    status: 415,
    "zh-CN": ["附件格式不支持", "公告附件只能是 PDF、JPEG、PNG 或 WebP 文件。"],
    en: ["Attachment type not accepted", "Announcement attachments must be PDF, JPEG, PNG or WebP files."],
  },
  /** The announcement already has the most attachments allowed. */
  ANNOUNCEMENT_FILE_LIMIT_REACHED: {
    status: 409,
    "zh-CN": ["附件数量已达上限", "每条公告最多 {max} 个附件。"],
    en: ["Too many attachments", "An announcement can have at most {max} attachments."],
  },
  /** The announcement's body has no text left once unsafe markup is removed. */
  ANNOUNCEMENT_BODY_EMPTY: {
    status: 400,
    "zh-CN": ["公告内容为空", "公告正文不能为空（不安全的内容会被移除）。"],
    en: ["Announcement body empty", "The body is empty once unsafe markup is removed."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof announcementsErrors, true> {}
}
