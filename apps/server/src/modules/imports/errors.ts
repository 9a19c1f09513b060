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
  /** An area cell names no known area (neither a code nor a name). */
  IMPORT_AREA_UNKNOWN: {
    status: 400,
    "zh-CN": ["区划不存在", "找不到该名称或代码对应的区划：请填写区划代码，或社区名称（重名时写“街道/社区”）。"],
    en: [
      "Unknown area",
      "No area has this name or code: enter the area code, or the community name (“street/community” when names repeat).",
    ],
  },
  /** An area name matches several areas within the importer's scope; the row error lists them. */
  IMPORT_AREA_AMBIGUOUS: {
    status: 400,
    "zh-CN": ["区划名称有重名", "您的辖区内有多个同名区划：请改填区划代码，或写成“街道/社区”。"],
    en: ["Ambiguous area name", "Several areas in your jurisdiction have this name: enter the code, or write “street/community”."],
  },
  /** An area name matches only areas outside the importer's scope. */
  IMPORT_AREA_OUT_OF_SCOPE: {
    status: 400,
    "zh-CN": ["区划不在辖区内", "该区划不在您的辖区内。"],
    en: ["Area outside your jurisdiction", "This area is outside your jurisdiction."],
  },
  /** A job stopped while its file was being checked (the server restarted); upload the file again. */
  IMPORT_VALIDATION_STOPPED: {
    status: 409,
    "zh-CN": ["校验中断", "文件校验中断（服务重启），请重新上传。"],
    en: ["Check interrupted", "Checking the file stopped (the server restarted); upload it again."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof importsErrors, true> {}
}
