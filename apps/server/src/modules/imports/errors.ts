import { defineErrors } from "../../platform/errors/catalog.js";

/** The imports module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const importsErrors = defineErrors({
  /** An uploaded spreadsheet cannot be read: `reason` is FILE_TOO_LARGE, FILE_UNREADABLE, TOO_MANY_ROWS or FILE_EMPTY. */
  IMPORT_FILE_INVALID: {
    status: 400,
    "zh-CN": ["文件无法导入", "文件无法读取（{reason}）：请使用 10 MB 以内、不超过 5 万行的 XLSX 或 CSV 文件。"],
    en: ["File cannot be imported", "The file cannot be read ({reason}): use an XLSX or CSV file under 10 MB and 50,000 rows."],
  },
  /** The job is not in a state that allows this step (e.g. already running or completed). */
  IMPORT_NOT_READY: {
    status: 409,
    "zh-CN": ["导入任务状态不允许此操作", "导入任务当前状态为 {status}。"],
    en: ["Import not ready", "The import job is {status}."],
  },
  /** An uploaded XLSX unpacks (as declared, or as it really inflates) to more than the configured cap. */
  IMPORT_FILE_TOO_LARGE_UNPACKED: {
    status: 413,
    "zh-CN": ["文件解压后过大", "该 XLSX 文件解压后超过 {limit_mb} MB：请删除多余的工作表、图片或空白行列，或拆分为多个文件后再上传。"],
    en: [
      "File too large when unpacked",
      "This XLSX file unpacks to more than {limit_mb} MB: remove extra sheets, pictures or blank rows and columns, or split it, then upload again.",
    ],
  },
  /** Other uploads are being read; the server reads one spreadsheet at a time. Retry after Retry-After. */
  IMPORT_BUSY: {
    status: 503,
    "zh-CN": ["导入繁忙", "服务器正在处理其他上传的文件，请稍后重试。"],
    en: ["Imports busy", "The server is reading other uploaded files; please retry shortly."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof importsErrors, true> {}
}
