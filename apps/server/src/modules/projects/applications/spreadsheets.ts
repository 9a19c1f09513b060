import { ApplicationExportFilterSchema, type Application, type ApplicationExportFilter } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../../platform/files/columns.js";
import type { ExportSpec } from "../../../platform/module.js";
import { searchApplications } from "./queries.js";
import { yuan } from "../format.js";

const headers = {
  submitted_at: ["申报时间", "Submitted at"],
  call_title: ["项目征集", "Call"],
  org_name: ["申报机构", "Organization"],
  title: ["项目名称", "Project title"],
  requested: ["申请金额（元）", "Requested (yuan)"],
  status: ["状态", "Status"],
  complete: ["材料齐全", "Documents complete"],
  final_score: ["最终得分", "Final score"],
} as const;

const statusLabels: Record<Application["status"], string> = {
  submitted: "已申报",
  withdrawn: "已撤回",
  awarded: "已立项",
  not_awarded: "未立项",
};

/**
 * GET /exports/applications: the applications the caller reads under the list's filters and sort
 * (amounts in yuan); an application names an organization and its plan, no person.
 */
export const applicationExport: ExportSpec<ApplicationExportFilter, Application> = {
  kind: "applications",
  permission: "projects.read",
  filterSchema: ApplicationExportFilterSchema,
  columns: exportColumns<Application, typeof headers>(headers, {
    submitted_at: (item) => item.submitted_at,
    call_title: (item) => item.call_title,
    org_name: (item) => item.org.name,
    title: (item) => item.title,
    requested: (item) => yuan(item.requested_fen),
    status: (item) => statusLabels[item.status],
    complete: (item) => (item.complete ? "是" : "否"),
    final_score: (item) => (item.final_score === null ? null : item.final_score.toFixed(2)),
  }),
  page: exportPages(searchApplications),
};
