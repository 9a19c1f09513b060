import ExcelJS from "exceljs";
import type { ImportSpec } from "../../platform/module.js";
import { csvLine } from "../../platform/files/spreadsheet.js";

/** An import template: the Chinese headers and one example row; CSV carries a BOM so Excel reads UTF-8. */
export async function writeTemplate(
  spec: ImportSpec,
  format: "xlsx" | "csv",
): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  const headers = spec.columns.map((column) => column.header);
  const example = spec.columns.map((column) => column.example ?? "");
  if (format === "csv") {
    return {
      bytes: Buffer.from(`\uFEFF${csvLine(headers)}${csvLine(example)}`, "utf8"),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.kind);
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(example);
  sheet.columns.forEach((column) => {
    column.width = 18;
    column.numFmt = "@";
  });
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}
