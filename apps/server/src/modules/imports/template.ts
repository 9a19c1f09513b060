import ExcelJS from "exceljs";
import type { Locale } from "@sanshe/contracts";
import type { ImportSpec } from "../../platform/module.js";
import { csvLine } from "../../platform/files/spreadsheet.js";
import { allowedValues, columnHeader, isRequiredColumn } from "./columns.js";

/** Rows of the data sheet that get the drop-down lists (the header is row 1). */
export const templateValidatedRows = 5000;

/** The template's sheet names and texts in the reader's language (the data sheet comes first: the reader reads the first sheet). */
const texts = {
  "zh-CN": {
    data: "数据",
    instructions: "填写说明",
    lists: "选项",
    intro: "请在“数据”工作表中填写，每行一条记录；第 1 行是列名，请勿修改；第 2 行是示例，导入前请删除或替换。",
    codes: "有下拉列表的列请从列表中选择（也可填写代码）；区划列可填区划代码，或社区名称（重名时写“街道/社区”）。",
    head: ["列名", "必填", "格式与说明", "可选值", "示例"],
    yes: "是",
    no: "否",
    multiple: "可填多个，用顿号（、）或逗号分隔",
    area: "区划代码，或您辖区内的社区名称（重名时写“街道/社区”）",
    invalidTitle: "取值不在列表中",
    invalid: "请从下拉列表中选择。",
  },
  en: {
    data: "Data",
    instructions: "Instructions",
    lists: "Lists",
    intro:
      "Fill in the “Data” sheet, one record per row; row 1 holds the headers (do not change them); row 2 is an example: delete or replace it before importing.",
    codes:
      "Columns with a drop-down list take one of its values (codes are accepted too); area columns take the area code, or a community name (“street/community” when names repeat).",
    head: ["Column", "Required", "Format and notes", "Allowed values", "Example"],
    yes: "Yes",
    no: "No",
    multiple: "Several allowed, separated by 、 or commas",
    area: "Area code, or the name of a community in your jurisdiction (“street/community” when names repeat)",
    invalidTitle: "Not in the list",
    invalid: "Choose a value from the drop-down list.",
  },
} as const;

/** ExcelJS keeps range validations in `dataValidations` (its typings only know the per-cell form). */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** A sheet name as an Excel formula reference ('选项'!$A$1:$A$9). */
function listReference(sheetName: string, column: number, count: number): string {
  const letter = columnLetter(column);
  return `'${sheetName}'!$${letter}$1:$${letter}$${count}`;
}

function columnLetter(index: number): string {
  let letter = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

/**
 * An import template in the reader's language: the headers and one example row; the XLSX also has a
 * drop-down list (data validation) on every coded column, fed from a hidden sheet of the allowed
 * values, and an instructions sheet (what each column means, required or not, format, allowed
 * values). CSV carries a BOM so Excel reads UTF-8.
 */
export async function writeTemplate(
  spec: ImportSpec,
  format: "xlsx" | "csv",
  locale: Locale = "zh-CN",
): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  const text = texts[locale];
  const headers = spec.columns.map((column) => columnHeader(column, locale));
  const example = spec.columns.map((column) => column.example ?? "");
  if (format === "csv") {
    return {
      bytes: Buffer.from(`\uFEFF${csvLine(headers)}${csvLine(example)}`, "utf8"),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  }
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(text.data, { views: [{ state: "frozen", ySplit: 1 }] });
  const instructions = workbook.addWorksheet(text.instructions);
  const lists = workbook.addWorksheet(text.lists, { state: "hidden" });

  data.addRow(headers).font = { bold: true };
  data.addRow(example);
  data.columns.forEach((column) => {
    column.width = 18;
    column.numFmt = "@";
  });

  instructions.addRow([text.intro]);
  instructions.addRow([text.codes]);
  instructions.addRow([]);
  instructions.addRow([...text.head]).font = { bold: true };
  let listColumn = 0;
  spec.columns.forEach((column, index) => {
    const allowed = allowedValues(column);
    const notes = [
      column.format?.[locale === "en" ? 1 : 0],
      column.area ? text.area : undefined,
      column.multiple ? text.multiple : undefined,
    ]
      .filter(Boolean)
      .join("；");
    instructions.addRow([
      columnHeader(column, locale),
      isRequiredColumn(spec, column.key) ? text.yes : text.no,
      notes,
      allowed?.join("、") ?? "",
      column.example ?? "",
    ]);
    if (!allowed) {
      return;
    }
    listColumn += 1;
    allowed.forEach((value, row) => {
      lists.getCell(row + 1, listColumn).value = value;
    });
    const letter = columnLetter(index + 1);
    (data as WithValidations).dataValidations.add(`${letter}2:${letter}${templateValidatedRows + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [listReference(text.lists, listColumn, allowed.length)],
      // A multi-value column offers the list but takes any text (several values in one cell).
      showErrorMessage: !column.multiple,
      errorStyle: "stop",
      errorTitle: text.invalidTitle,
      error: text.invalid,
    });
  });
  instructions.getColumn(1).width = 18;
  instructions.getColumn(2).width = 8;
  instructions.getColumn(3).width = 40;
  instructions.getColumn(4).width = 50;
  instructions.getColumn(5).width = 20;
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}
