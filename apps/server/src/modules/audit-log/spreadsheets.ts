import { AuditExportFilterSchema, auditActionLabel, type AuditExportFilter, type AuditRecord, type Locale } from "@sanshe/contracts";
import { exportColumns } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { listAuditLog } from "./queries.js";

const headers = {
  at: ["时间", "Time"],
  actor: ["操作人", "Actor"],
  action: ["操作", "Action"],
  entity_id: ["对象 ID", "Record ID"],
  area_code: ["区划代码", "Area code"],
  ip: ["IP", "IP"],
  outcome: ["结果", "Outcome"],
  seq: ["链序号", "Chain position"],
} as const;

/** The words of the page (audit i18n) for what the export spells out, in each language. */
const words: Record<Locale, { outcome: Record<AuditRecord["outcome"], string>; system: string; platform: string; unsealed: string }> = {
  "zh-CN": { outcome: { success: "成功", denied: "拒绝", failure: "失败" }, system: "系统/匿名", platform: "平台级", unsealed: "待封存" },
  en: {
    outcome: { success: "Success", denied: "Denied", failure: "Failure" },
    system: "System / anonymous",
    platform: "Platform-wide",
    unsealed: "Unsealed",
  },
};

/** A record of the export with the cells the page spells out, in the caller's language. */
type AuditExportRow = { record: AuditRecord; action: string; actor: string; area: string; outcome: string; seq: string };

function spelledOut(record: AuditRecord, locale: Locale): AuditExportRow {
  const chosen = words[locale];
  return {
    record,
    action: auditActionLabel(record.action, locale),
    actor: record.actor_login === null || record.actor_login === "system" ? chosen.system : record.actor_login,
    area: record.area_code === "" ? chosen.platform : record.area_code,
    outcome: chosen.outcome[record.outcome],
    seq: record.seq ?? chosen.unsealed,
  };
}

/**
 * GET /exports/audit-log: the audit log of the auditor's scope under the page's filters and sort, with
 * what the page shows: the actor by login, the action and outcome by their labels in the caller's
 * language; never the detail (context), the request id or the chain hash. Audited like every export
 * (`exports.audit-log`), so reading the log in bulk leaves its own record.
 */
export const auditLogExport: ExportSpec<AuditExportFilter, AuditExportRow> = {
  kind: "audit-log",
  permission: "audit.read",
  filterSchema: AuditExportFilterSchema,
  columns: exportColumns<AuditExportRow, typeof headers>(headers, {
    at: (row) => row.record.at,
    actor: (row) => row.actor,
    action: (row) => row.action,
    entity_id: (row) => row.record.entity_id,
    area_code: (row) => row.area,
    ip: (row) => row.record.ip,
    outcome: (row) => row.outcome,
    seq: (row) => row.seq,
  }),
  page: async (ctx, filter, cursor, limit) => {
    const page = await listAuditLog(ctx, { ...filter, cursor, limit });
    return { items: page.items.map((record) => spelledOut(record, ctx.locale)), next_cursor: page.next_cursor };
  },
};
