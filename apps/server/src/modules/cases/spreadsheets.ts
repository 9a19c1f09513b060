import { CaseExportFilterSchema, type CaseExportFilter, type CaseListItem } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { maskName } from "../../platform/pii/index.js";
import { listCases } from "./queries.js";

const headers = {
  opened_on: ["开案日期", "Opened on"],
  area_code: ["社区代码", "Community code"],
  resident: ["服务对象（脱敏）", "Resident (masked)"],
  worker: ["负责社工", "Social worker"],
  status: ["阶段", "Stage"],
  risk_level: ["风险等级", "Risk level"],
  closed_on: ["结案日期", "Closed on"],
  updated_at: ["最近更新", "Last update"],
} as const;

const statusLabels: Record<CaseListItem["status"], string> = {
  intake: "接案评估",
  planning: "制定计划",
  in_service: "服务中",
  review: "评估",
  closed: "已结案",
};
const riskLabels: Record<CaseListItem["risk_level"], string> = { low: "低风险", medium: "中风险", high: "高风险" };

/**
 * GET /exports/cases: a SUMMARY of the cases the caller reads (the confidentiality rule of the list)
 * under the list's filters and sort: dates, stage, risk, the worker and the resident's name masked.
 * Never the case file: no presenting problem, assessment, plan, session notes, reviews or closing
 * summary, and nothing of the resident's record (ID number, contact). cases.read only: officials and
 * providers do not read case files, in bulk or otherwise.
 */
export const caseExport: ExportSpec<CaseExportFilter, CaseListItem> = {
  kind: "cases",
  permission: "cases.read",
  filterSchema: CaseExportFilterSchema,
  columns: exportColumns<CaseListItem, typeof headers>(headers, {
    opened_on: (item) => item.opened_on,
    area_code: (item) => item.area_code,
    resident: (item) => (item.resident_name === null ? null : maskName(item.resident_name)),
    worker: (item) => item.worker_name,
    status: (item) => statusLabels[item.status],
    risk_level: (item) => riskLabels[item.risk_level],
    closed_on: (item) => item.closed_on,
    updated_at: (item) => item.updated_at,
  }),
  page: exportPages(listCases),
};
