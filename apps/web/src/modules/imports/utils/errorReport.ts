import type { ImportRowError } from "@sanshe/contracts";

/** The headers of the downloadable problem list, in the reader's language. */
export type ErrorReportHeaders = { row: string; field: string; value: string; message: string; allowed: string; wholeRow: string };

/** A CSV cell: quoted when needed, and a leading = + - @ neutralized so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The problem list as CSV (with a BOM so Excel reads UTF-8): row, column, the value found, the
 * explanation and the allowed values, never a raw error code.
 */
export function errorReportCsv(errors: readonly ImportRowError[], headers: ErrorReportHeaders): string {
  const lines = [[headers.row, headers.field, headers.value, headers.message, headers.allowed]];
  for (const error of errors) {
    lines.push([String(error.row), error.field ?? headers.wholeRow, error.value ?? "", error.message, (error.allowed ?? []).join("、")]);
  }
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
