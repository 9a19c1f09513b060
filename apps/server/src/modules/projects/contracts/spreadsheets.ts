import { ContractExportFilterSchema, type Contract, type ContractExportFilter } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../../platform/files/columns.js";
import type { ExportSpec } from "../../../platform/module.js";
import { listContracts } from "./queries.js";
import { yuan } from "../format.js";

const headers = {
  signed_at: ["签订时间", "Signed at"],
  area_code: ["购买方区划代码", "Purchaser area code"],
  title: ["合同名称", "Title"],
  org_name: ["承接组织", "Organization"],
  amount: ["合同金额（元）", "Amount (yuan)"],
  paid: ["已拨付（元）", "Paid (yuan)"],
  remaining: ["未拨付（元）", "Remaining (yuan)"],
  period_start: ["服务期起", "Period start"],
  period_end: ["服务期止", "Period end"],
  status: ["状态", "Status"],
} as const;

const statusLabels: Record<Contract["status"], string> = {
  active: "履约中",
  closing: "结项评估中",
  closed: "已结项",
  terminated: "已终止",
};

/**
 * GET /exports/contracts: the contracts the caller reads under the list's filters and sort (amounts
 * in yuan); contracts hold no personal data.
 */
export const contractExport: ExportSpec<ContractExportFilter, Contract> = {
  kind: "contracts",
  permission: "projects.read",
  filterSchema: ContractExportFilterSchema,
  columns: exportColumns<Contract, typeof headers>(headers, {
    signed_at: (item) => item.signed_at,
    area_code: (item) => item.area_code,
    title: (item) => item.title,
    org_name: (item) => item.org_name,
    amount: (item) => yuan(item.amount_fen),
    paid: (item) => yuan(item.paid_fen),
    remaining: (item) => yuan(item.remaining_fen),
    period_start: (item) => item.period_start,
    period_end: (item) => item.period_end,
    status: (item) => statusLabels[item.status],
  }),
  page: exportPages(listContracts),
};
