import { CallExportFilterSchema, type Call, type CallExportFilter } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../../platform/files/columns.js";
import type { ExportSpec } from "../../../platform/module.js";
import { listCalls } from "./queries.js";
import { yuan } from "../format.js";

const headers = {
  created_at: ["创建时间", "Created at"],
  published_at: ["发布时间", "Published at"],
  purchaser: ["购买方", "Purchaser"],
  title: ["征集标题", "Title"],
  mode: ["购买方式", "Mode"],
  status: ["状态", "Status"],
  total_budget: ["资金总额（元）", "Total budget (yuan)"],
  project_cap: ["单个项目上限（元）", "Cap per project (yuan)"],
  submission_deadline: ["申报截止", "Submission deadline"],
} as const;

const modeLabels: Record<Call["mode"], string> = {
  venture: "公益创投",
  directed: "定向委托",
  commissioned: "购买服务",
};
const statusLabels: Record<Call["status"], string> = {
  draft: "草稿",
  open: "征集中",
  under_review: "评审中",
  awarded: "已立项",
  cancelled: "已取消",
};

/**
 * GET /exports/calls: the calls the caller reads under the list's filters and sort (the purchaser by
 * its published name, amounts in yuan); calls hold no personal data.
 */
export const callExport: ExportSpec<CallExportFilter, Call> = {
  kind: "calls",
  permission: "projects.read",
  filterSchema: CallExportFilterSchema,
  columns: exportColumns<Call, typeof headers>(headers, {
    created_at: (item) => item.created_at,
    published_at: (item) => item.published_at,
    purchaser: (item) => item.purchaser_name,
    title: (item) => item.title,
    mode: (item) => modeLabels[item.mode],
    status: (item) => statusLabels[item.status],
    total_budget: (item) => yuan(item.total_budget_fen),
    project_cap: (item) => yuan(item.project_cap_fen),
    submission_deadline: (item) => item.submission_deadline,
  }),
  page: exportPages(listCalls),
};
