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
