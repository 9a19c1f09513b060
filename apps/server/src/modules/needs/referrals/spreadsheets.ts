import { ReferralListQuerySchema, type Referral, type ReferralListQuery } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../../platform/files/columns.js";
import type { ExportSpec } from "../../../platform/module.js";
import { listReferrals } from "./queries.js";

/** The referral list's filters and sort, without its paging: what GET /exports/referrals accepts. */
export const ReferralExportFilterSchema = ReferralListQuerySchema.omit({ cursor: true, limit: true });
export type ReferralExportFilter = Omit<ReferralListQuery, "cursor" | "limit">;

const headers = {
  created_at: ["转介时间", "Referred at"],
  area_code: ["社区代码", "Community code"],
  category: ["类别", "Category"],
  description: ["需求描述", "Description"],
  provider_kind: ["服务方类型", "Provider kind"],
  provider: ["服务方", "Provider"],
  status: ["状态", "Status"],
  respond_by: ["接单时限", "Accept by"],
  resolve_by: ["办结时限", "Complete by"],
  overdue: ["超时", "Overdue"],
  rating: ["评价", "Rating"],
} as const;

const statusLabels: Record<Referral["status"], string> = {
  pending: "待接单",
  accepted: "已接单",
  declined: "已拒绝",
  done: "已完成",
  cancelled: "已取消",
  failed: "未解决",
};
const providerKindLabels: Record<Referral["provider_kind"], string> = {
  organization: "社会组织",
  social_worker: "社工",
  community_queue: "社区分派队列",
};

/**
 * GET /exports/referrals: the referral list (inbox=1: those addressed to the caller; otherwise also the
 * needs.read scope) under the list's filters and sort; no resident's name or contact is in a referral.
 */
export const referralExport: ExportSpec<ReferralExportFilter, Referral> = {
  kind: "referrals",
  permission: ["referrals.handle", "needs.read"],
  filterSchema: ReferralExportFilterSchema,
  columns: exportColumns(headers, {
    created_at: (item) => item.created_at,
    area_code: (item) => item.area_code,
    category: (item) => item.category,
    description: (item) => item.description,
    provider_kind: (item) => providerKindLabels[item.provider_kind],
    provider: (item) => item.provider_name,
    status: (item) => statusLabels[item.status],
    respond_by: (item) => item.respond_by,
    resolve_by: (item) => item.resolve_by,
    overdue: (item) => (item.overdue ? "是" : ""),
    rating: (item) => item.rating,
  }),
  page: exportPages(listReferrals),
};
