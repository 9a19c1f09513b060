import { z } from "zod";
import {
  AreaCodeSchema,
  CalendarInstantSchema,
  PageQuerySchema,
  TimestampSchema,
  UuidSchema,
  countedPageOf,
  pageOf,
  sortQuery,
  text,
  richText,
} from "./common.js";
import { RoleSchema } from "./auth.js";
import { endpoint } from "./endpoint.js";

/** File types an announcement attachment may have; the server checks the file's magic bytes, not the header. */
export const AnnouncementFileTypeSchema = z
  .enum(["application/pdf", "image/jpeg", "image/png", "image/webp"])
  .describe("Attachment type (PDF or image)");
export type AnnouncementFileType = z.infer<typeof AnnouncementFileTypeSchema>;

/** Largest attachment accepted, in bytes (10 MB), and the most one announcement may carry. */
export const MAX_ANNOUNCEMENT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ANNOUNCEMENT_FILES = 5;

export const AnnouncementAudienceSchema = z.object({
  roles: z
    .array(RoleSchema)
    .max(8)
    .describe(
      "Roles that receive it; with organizations: either one suffices; both empty: all staff in the area. Residents receive it only when `resident` is listed",
    ),
  organization_ids: z.array(UuidSchema).max(50).describe("Organizations whose members receive it"),
});
export type AnnouncementAudience = z.infer<typeof AnnouncementAudienceSchema>;

export const AnnouncementCreateSchema = z.strictObject({
  area_code: AreaCodeSchema.describe("Area the announcement is for: your jurisdiction or below"),
  title: text({ max: 120 }).describe("Title"),
  body_html: richText(50_000).describe("Rich text (HTML); sanitized by the server"),
  audience: AnnouncementAudienceSchema.default({ roles: [], organization_ids: [] }),
  pinned: z.boolean().default(false).describe("Shown first until it expires"),
  expires_at: CalendarInstantSchema.nullable().default(null).describe("After this it is no longer listed"),
});
export type AnnouncementCreate = z.infer<typeof AnnouncementCreateSchema>;

export const AnnouncementUpdateSchema = z.strictObject({
  title: text({ max: 120 }).optional(),
  body_html: richText(50_000).optional(),
  pinned: z.boolean().optional(),
  expires_at: CalendarInstantSchema.nullable().optional(),
  version: z.number().int().describe("The version you read"),
});
export type AnnouncementUpdate = z.infer<typeof AnnouncementUpdateSchema>;

export const AnnouncementAttachmentSchema = z.object({
  id: UuidSchema,
  file_name: z.string().describe("Name given by the server"),
  content_type: AnnouncementFileTypeSchema,
  size_bytes: z.number().int(),
  created_at: TimestampSchema,
});
export type AnnouncementAttachment = z.infer<typeof AnnouncementAttachmentSchema>;

export const AnnouncementSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string().describe("Name of the area"),
  title: z.string(),
  body_html: z.string().describe("Sanitized rich text"),
  audience: AnnouncementAudienceSchema,
  pinned: z.boolean(),
  expires_at: TimestampSchema.nullable(),
  published_at: TimestampSchema,
  published_by_name: z.string().describe("Name of the sender"),
  read_at: TimestampSchema.nullable().describe("When you opened it; null if unread or not a recipient"),
  version: z.number().int(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const AnnouncementDetailSchema = AnnouncementSchema.extend({
  attachments: z.array(AnnouncementAttachmentSchema),
  recipients: z.number().int().nullable().describe("Recipients (sender's view only)"),
  read: z.number().int().nullable().describe("Recipients who opened it (sender's view only)"),
});
export type AnnouncementDetail = z.infer<typeof AnnouncementDetailSchema>;

export const AnnouncementPageSchema = pageOf(AnnouncementSchema).extend({
  unread_count: z.number().int().describe("Your unread, unexpired announcements"),
});
export type AnnouncementPage = z.infer<typeof AnnouncementPageSchema>;

export const AnnouncementSentItemSchema = AnnouncementSchema.extend({
  recipients: z.number().int(),
  read: z.number().int(),
});
export const AnnouncementSentPageSchema = pageOf(AnnouncementSentItemSchema);
export type AnnouncementSentPage = z.infer<typeof AnnouncementSentPageSchema>;

export const AnnouncementListQuerySchema = PageQuerySchema.extend({
  unread: z.enum(["1", "0"]).optional().describe("1: only unread"),
});
export type AnnouncementListQuery = z.infer<typeof AnnouncementListQuerySchema>;

export const AnnouncementIdParamsSchema = z.object({ id: UuidSchema });
export const AnnouncementAttachmentParamsSchema = z.object({ id: UuidSchema, attachmentId: UuidSchema });

export const AnnouncementUnreadRecipientSchema = z.object({
  user_id: UuidSchema,
  display_name: z.string().describe("Name shown in the console"),
});
export const AnnouncementUnreadPageSchema = pageOf(AnnouncementUnreadRecipientSchema);
export type AnnouncementUnreadPage = z.infer<typeof AnnouncementUnreadPageSchema>;

/** The columns the receipts list sorts by: the recipient's name, when they opened it (unread last). */
export const ANNOUNCEMENT_RECEIPT_SORTS = ["name", "read_at"] as const;
export type AnnouncementReceiptSort = (typeof ANNOUNCEMENT_RECEIPT_SORTS)[number];
export const AnnouncementReceiptListQuerySchema = PageQuerySchema.extend({
  read: z.enum(["read", "unread"]).optional().describe("Only recipients who opened it (read) or who have not (unread)"),
  sort: sortQuery(ANNOUNCEMENT_RECEIPT_SORTS, "name"),
});
export type AnnouncementReceiptListQuery = z.infer<typeof AnnouncementReceiptListQuerySchema>;
/** The receipts export's filter: the announcement, the list's filter and sort, without paging. */
export const AnnouncementReceiptExportFilterSchema = AnnouncementReceiptListQuerySchema.omit({ cursor: true, limit: true }).extend({
  announcement_id: UuidSchema.describe("The announcement you manage"),
});
export type AnnouncementReceiptExportFilter = z.infer<typeof AnnouncementReceiptExportFilterSchema>;
/** One recipient of an announcement and whether (when) they opened it: the sender's read receipt. */
export const AnnouncementReceiptSchema = z.object({
  user_id: UuidSchema,
  display_name: z.string().describe("Name shown in the console"),
  read_at: TimestampSchema.nullable().describe("When they opened it; null while unread"),
});
export type AnnouncementReceipt = z.infer<typeof AnnouncementReceiptSchema>;
export const AnnouncementReceiptPageSchema = countedPageOf(AnnouncementReceiptSchema);
export type AnnouncementReceiptPage = z.infer<typeof AnnouncementReceiptPageSchema>;

export const AnnouncementAudienceOrgsQuerySchema = z.strictObject({
  area_code: AreaCodeSchema.describe("The area the announcement goes to"),
  q: text({ max: 64 }).optional().describe("Part of the organization's name"),
});
export type AnnouncementAudienceOrgsQuery = z.infer<typeof AnnouncementAudienceOrgsQuerySchema>;
export const AnnouncementAudienceOrgsSchema = z.object({
  items: z
    .array(z.object({ id: UuidSchema, name: z.string() }))
    .describe("Organizations with active staff who would receive an announcement to the area, by name; 50 at most"),
});
export type AnnouncementAudienceOrgs = z.infer<typeof AnnouncementAudienceOrgsSchema>;

const tags = ["announcements"] as const;

/** The announcements API (通知公告): publish to an area and audience, read your own, see who has not read. */
export const announcementEndpoints = {
  listMine: endpoint({
    method: "GET",
    path: "/announcements",
    summary: "Announcements addressed to you: unexpired, pinned first, then newest; with your unread count",
    tags,
    access: "authenticated",
    query: AnnouncementListQuerySchema,
    status: 200,
    response: AnnouncementPageSchema,
  }),
  audienceOrganizations: endpoint({
    method: "GET",
    path: "/announcements/audience-organizations",
    summary: "Organizations an announcement to an area in your jurisdiction can be addressed to (their staff would receive it)",
    tags,
    access: "announcements.publish",
    query: AnnouncementAudienceOrgsQuerySchema,
    status: 200,
    response: AnnouncementAudienceOrgsSchema,
  }),
  publish: endpoint({
    method: "POST",
    path: "/announcements",
    summary:
      "Publish an announcement to an area in your jurisdiction (optionally to some roles or organizations); recipients are notified; Idempotency-Key supported",
    tags,
    access: "announcements.publish",
    body: AnnouncementCreateSchema,
    status: 201,
    response: AnnouncementDetailSchema,
  }),
  listSent: endpoint({
    method: "GET",
    path: "/announcements/sent",
    summary: "Announcements in your publishing jurisdiction, newest first, with recipient and read counts",
    tags,
    access: "announcements.publish",
    query: PageQuerySchema,
    status: 200,
    response: AnnouncementSentPageSchema,
  }),
  open: endpoint({
    method: "GET",
    path: "/announcements/:id",
    summary: "Open an announcement you received (marks it read) or manage; 404 otherwise",
    tags,
    access: "authenticated",
    params: AnnouncementIdParamsSchema,
    status: 200,
    response: AnnouncementDetailSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/announcements/:id",
    summary: "Edit an announcement you manage (title, body, pinned, expiry); 409 on a stale version",
    tags,
    access: "announcements.publish",
    params: AnnouncementIdParamsSchema,
    body: AnnouncementUpdateSchema,
    status: 200,
    response: AnnouncementDetailSchema,
    problems: [409],
  }),
  listReceipts: endpoint({
    method: "GET",
    path: "/announcements/:id/receipts",
    summary: "Read receipts of an announcement you manage: each recipient, read or not, sorted, with the total",
    tags,
    access: "announcements.publish",
    params: AnnouncementIdParamsSchema,
    query: AnnouncementReceiptListQuerySchema,
    status: 200,
    response: AnnouncementReceiptPageSchema,
  }),
  listUnread: endpoint({
    method: "GET",
    path: "/announcements/:id/unread",
    summary: "Recipients who have not opened an announcement you manage (names only), by name",
    tags,
    access: "announcements.publish",
    params: AnnouncementIdParamsSchema,
    query: PageQuerySchema,
    status: 200,
    response: AnnouncementUnreadPageSchema,
  }),
  attach: endpoint({
    method: "POST",
    path: "/announcements/:id/attachments",
    summary:
      "Attach a file (the raw PDF, JPEG, PNG or WebP as the body, 10 MB at most, 5 per announcement) to an announcement you manage; Idempotency-Key supported",
    tags,
    access: "announcements.publish",
    params: AnnouncementIdParamsSchema,
    upload: { types: AnnouncementFileTypeSchema.options, maxBytes: MAX_ANNOUNCEMENT_FILE_BYTES },
    status: 201,
    response: AnnouncementAttachmentSchema,
    problems: [409, 413, 415],
  }),
  download: endpoint({
    method: "GET",
    path: "/announcements/:id/attachments/:attachmentId",
    summary: "Download an attachment of an announcement you received or manage; 404 otherwise",
    tags,
    access: "authenticated",
    params: AnnouncementAttachmentParamsSchema,
    status: 200,
    response: z.any().describe("The file bytes"),
    download: true,
  }),
};
