import ExcelJS from "exceljs";
import type { Workload, WorkloadFigures, WorkloadQuery } from "@sanshe/contracts/admin-tasks";
import type { ActorCtx } from "../../../platform/ctx.js";
import { neutralizeCell } from "../../../platform/files/spreadsheet.js";
import type { OutgoingFile } from "../../../platform/http/files.js";
import { getWorkload } from "./queries.js";

/** The figure columns every sheet row carries, with their Chinese headers. */
const figureColumns: Array<[header: string, value: (row: WorkloadFigures) => number]> = [
  ["行政事务工时", (row) => row.administrative_hours],
  ["为民服务工时", (row) => row.service_hours],
  ["行政事务占比", (row) => Math.round(row.administrative_share * 1000) / 1000],
  ["承接事务数", (row) => row.tasks_imposed],
  ["报表次数", (row) => row.reports],
  ["检查考核次数", (row) => row.inspections],
  ["会议次数", (row) => row.meetings],
  ["有经费事务数", (row) => row.funded],
  ["无经费事务数", (row) => row.unfunded],
  ["拒绝次数", (row) => row.refused],
  ["回收次数", (row) => row.taken_back],
];

function sheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Array<Array<string | number>>): void {
  const worksheet = workbook.addWorksheet(name);
  worksheet.addRow(headers).font = { bold: true };
  for (const row of rows) {
    worksheet.addRow(row.map((cell) => neutralizeCell(cell)));
  }
  worksheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 24 : 14;
  });
}

/** The workbook of a workload picture: per child area (and the whole area), by month, departments. */
export async function workloadWorkbook(workload: Workload): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const figureHeaders = figureColumns.map(([header]) => header);
  const values = (row: WorkloadFigures) => figureColumns.map(([, value]) => value(row));
  sheet(
    workbook,
    "下级区划",
    ["区划代码", "区划名称", ...figureHeaders],
    [
      ...workload.children.map((row) => [row.area_code, row.area_name, ...values(row)]),
      [workload.area_code, `${workload.area_name}（合计）`, ...values(workload)],
    ],
  );
  sheet(
    workbook,
    "按月",
    ["月份", ...figureHeaders],
    workload.by_month.map((row) => [row.month, ...values(row)]),
  );
  sheet(
    workbook,
    "部门",
    ["部门", "行政事务工时", "承接事务数", "无经费事务数", "被拒绝次数"],
    workload.departments.map((row) => [row.department_name, row.administrative_hours, row.tasks_imposed, row.unfunded, row.refused]),
  );
  sheet(
    workbook,
    "行政占比分布",
    ["行政事务占比区间", "社区数"],
    workload.histogram.map((row) => [`${Math.round(row.from * 100)}%–${Math.round(row.to * 100)}%`, row.communities]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The workload picture as an .xlsx file (same checks as getWorkload), audited like every export.
 * @throws AppError as getWorkload.
 */
export async function exportWorkload(ctx: ActorCtx, query: WorkloadQuery): Promise<OutgoingFile> {
  const workload = await getWorkload(ctx, query);
  await ctx.audit.record("exports.workload", { entityType: "workload", areaCode: query.area, detail: { format: "xlsx", filter: query } });
  return {
    bytes: await workloadWorkbook(workload),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `工作负担-${workload.area_name}-${query.from}至${query.to}.xlsx`,
  };
}
