import { defineErrors } from "../../platform/errors/catalog.js";

/**
 * A row of an area import that cannot be taken; the import stops before writing anything.
 * `file` and `line` (1-based, header = line 1) point at the row.
 */
export class AreaImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "AreaImportError";
  }
}

/** The jurisdictions module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const jurisdictionsErrors = defineErrors({
  /** Too little free disk space for a bulk write. */
  DISK_FULL: {
    status: 507,
    "zh-CN": ["存储空间不足", "服务器磁盘空间不足，请联系管理员。"],
    en: ["Insufficient storage", "The server is short of disk space; contact the administrator."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof jurisdictionsErrors, true> {}
}
