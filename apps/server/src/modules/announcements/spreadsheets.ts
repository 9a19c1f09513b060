import { AnnouncementReceiptExportFilterSchema, type AnnouncementReceipt, type AnnouncementReceiptExportFilter } from "@sanshe/contracts";
import { exportColumns } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { listAnnouncementReceipts } from "./queries.js";

const headers = {
  name: ["接收人", "Recipient"],
  read: ["阅读情况", "Read"],
  read_at: ["阅读时间", "Read at"],
} as const;

/**
 * GET /exports/announcement-receipts?announcement_id=…: the read receipts of an announcement the caller
 * manages (the issuing side only; 404 otherwise), under the list's read filter and sort.
 */
export const announcementReceiptExport: ExportSpec<AnnouncementReceiptExportFilter, AnnouncementReceipt> = {
  kind: "announcement-receipts",
  permission: "announcements.publish",
  filterSchema: AnnouncementReceiptExportFilterSchema,
  columns: exportColumns<AnnouncementReceipt, typeof headers>(headers, {
    name: (item) => item.display_name,
    read: (item) => (item.read_at ? "已读" : "未读"),
    read_at: (item) => item.read_at,
  }),
  page: (ctx, { announcement_id: id, ...filter }, cursor, limit) => listAnnouncementReceipts(ctx, id, { ...filter, cursor, limit }),
};
