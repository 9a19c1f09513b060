import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

/** How a file's text was read; shown to the user so nothing is guessed silently. */
export type SheetEncoding = "xlsx" | "utf-8" | "utf-8-bom" | "gb18030";

export type Sheet = {
  encoding: SheetEncoding;
  headers: string[];
  /** Data rows with their 1-based row number in the file (the header is row 1). */
  rows: Array<{ rowNumber: number; cells: string[] }>;
};

export const spreadsheetLimits = { bytes: 10 * 1024 * 1024, rows: 50_000, unzippedBytes: 100 * 1024 * 1024 };

export class SpreadsheetError extends Error {
  constructor(readonly code: "FILE_TOO_LARGE" | "FILE_UNREADABLE" | "TOO_MANY_ROWS" | "FILE_EMPTY") {
    super(code);
  }
}

/**
 * Total uncompressed size declared by a ZIP's central directory, read before unpacking so that a
 * zip bomb is refused without inflating it.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      const entries = view.getUint16(offset + 10, true);
      let cursor = view.getUint32(offset + 16, true);
      let total = 0;
      for (let index = 0; index < entries; index += 1) {
        if (cursor + 46 > bytes.length || view.getUint32(cursor, true) !== 0x02014b50) {
          throw new SpreadsheetError("FILE_UNREADABLE");
        }
        total += view.getUint32(cursor + 24, true);
        cursor += 46 + view.getUint16(cursor + 28, true) + view.getUint16(cursor + 30, true) + view.getUint16(cursor + 32, true);
      }
      return total;
    }
  }
  throw new SpreadsheetError("FILE_UNREADABLE");
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return "";
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    if ("richText" in value) {
      return value.richText.map((part) => part.text).join("");
    }
    if ("text" in value && typeof value.text === "string") {
      return value.text;
    }
    if ("result" in value) {
      return cellText(value.result);
    }
    return "";
  }
  return String(value);
}

function fromTable(table: string[][], encoding: SheetEncoding): Sheet {
  const [header, ...body] = table;
  if (!header || header.every((cell) => cell.trim() === "")) {
    throw new SpreadsheetError("FILE_EMPTY");
  }
  if (body.length > spreadsheetLimits.rows) {
    throw new SpreadsheetError("TOO_MANY_ROWS");
  }
  const rows = body
    .map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((cell) => cell.normalize("NFC").trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  return { encoding, headers: header.map((cell) => cell.normalize("NFC").trim()), rows };
}

/**
 * Reads an uploaded spreadsheet: XLSX (first worksheet) or CSV in UTF-8, UTF-8 with BOM or
 * GB18030/GBK as Excel writes it in a Chinese locale. The encoding found is returned.
 *
 * @throws SpreadsheetError for oversized, unreadable, empty files or too many rows.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length > spreadsheetLimits.bytes) {
    throw new SpreadsheetError("FILE_TOO_LARGE");
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    if (declaredUnzippedSize(bytes) > spreadsheetLimits.unzippedBytes) {
      throw new SpreadsheetError("FILE_TOO_LARGE");
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    } catch {
      throw new SpreadsheetError("FILE_UNREADABLE");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) {
      throw new SpreadsheetError("FILE_EMPTY");
    }
    if (sheet.rowCount > spreadsheetLimits.rows + 1) {
      throw new SpreadsheetError("TOO_MANY_ROWS");
    }
    const width = sheet.columnCount;
    const table: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c += 1) {
        cells.push(cellText(row.getCell(c).value));
      }
      table.push(cells);
    }
    return fromTable(table, "xlsx");
  }
  let encoding: SheetEncoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8-bom";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      text = new TextDecoder("gb18030").decode(bytes);
      encoding = "gb18030";
    }
  }
  if (text.includes("\u0000")) {
    throw new SpreadsheetError("FILE_UNREADABLE");
  }
  let table: string[][];
  try {
    const records: unknown = parse(text, { relax_column_count: true, skip_empty_lines: true });
    table = records as string[][];
  } catch {
    throw new SpreadsheetError("FILE_UNREADABLE");
  }
  return fromTable(table, encoding);
}

/**
 * Makes a cell safe for spreadsheet programs: text starting with = + - @ (or a tab / carriage return)
 * is prefixed with an apostrophe so it is shown as text, never evaluated as a formula (CSV injection).
 */
export function neutralizeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) {
    return "";
  }
  if (typeof value === "number") {
    return value;
  }
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting), CRLF-terminated. */
export function csvLine(values: Array<string | number>): string {
  return `${values.map((value) => (typeof value === "number" ? String(value) : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(",")}\r\n`;
}
