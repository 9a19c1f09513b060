import { NeedListQuerySchema, type Need, type NeedListQuery } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { listNeeds } from "./queries.js";

/** The needs list's filters and sort, without its paging: what GET /exports/needs accepts. */
export const NeedExportFilterSchema = NeedListQuerySchema.omit({ cursor: true, limit: true });
export type NeedExportFilter = Omit<NeedListQuery, "cursor" | "limit">;

const headers = {
  created_at: ["提交时间", "Reported at"],
  area_code: ["社区代码", "Community code"],
  grid: ["网格", "Grid"],
  category: ["类别", "Category"],
  description: ["需求描述", "Description"],
  urgency: ["紧急程度", "Urgency"],
  status: ["状态", "Status"],
  tier: ["服务层级", "Service tier"],
  channel: ["渠道", "Channel"],
  overdue: ["超时", "Overdue"],
  contact_name: ["联系人（脱敏）", "Contact (masked)"],
  contact_phone: ["联系电话（脱敏）", "Contact phone (masked)"],
  closed_at: ["办结时间", "Closed at"],
  rating: ["满意度", "Rating"],
} as const;

const statusLabels: Record<Need["status"], string> = {
  new: "新提交",
  routed: "已分派",
  accepted: "已接单",
  in_service: "服务中",
  done: "待确认",
  closed: "已办结",
  reopened: "已重开",
};
const urgencyLabels: Record<Need["urgency"], string> = { low: "不急", normal: "一般", high: "紧急" };
const tierLabels: Record<Need["tier"], string> = {
  public: "公共服务",
  special: "特殊服务",
  professional: "专业服务",
  personalized: "个性化服务",
  developmental: "发展性服务",
};
const channelLabels: Record<Need["channel"], string> = {
  portal: "居民端",
  staff: "代为登记",
  open311: "开放接口",
  joint_meeting: "联席会议",
};

/**
 * GET /exports/needs: the needs list of the caller's scope under the list's filters and sort. The
 * anonymous contact leaves masked only (the list's presenter masks it); the resident's record is not
 * exported (no name, no ID number).
 */
export const needExport: ExportSpec<NeedExportFilter, Need> = {
  kind: "needs",
  permission: "needs.read",
  filterSchema: NeedExportFilterSchema,
  columns: exportColumns(headers, {
    created_at: (item) => item.created_at,
    area_code: (item) => item.area_code,
    grid: (item) => item.grid?.name,
    category: (item) => item.category_name,
    description: (item) => item.description,
    urgency: (item) => urgencyLabels[item.urgency],
    status: (item) => statusLabels[item.status],
    tier: (item) => tierLabels[item.tier],
    channel: (item) => channelLabels[item.channel],
    overdue: (item) => (item.overdue || item.confirmation_overdue ? "是" : ""),
    contact_name: (item) => item.contact?.name_masked,
    contact_phone: (item) => item.contact?.phone_masked,
    closed_at: (item) => item.closed_at,
    rating: (item) => item.rating ?? item.callback_rating,
  }),
  page: exportPages(listNeeds),
};
