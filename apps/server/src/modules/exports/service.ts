import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { csvLine, neutralizeCell } from "../../platform/files/spreadsheet.js";
import type { ExportSpec } from "../../platform/module.js";

const pageSize = 500;

/** Walks every page of the (scoped, masked) list and yields the cells of each row. */
async function* exportRows(ctx: ActorCtx, spec: ExportSpec, filter: unknown): AsyncGenerator<Array<string | number>> {
  let cursor: string | undefined;
  do {
    const page = await spec.page(ctx, filter, cursor, pageSize);
    for (const item of page.items) {
      yield spec.columns.map((column) => neutralizeCell(column.value(item)));
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * Starts an export of a filtered list as CSV (UTF-8 with BOM, for Excel) or XLSX, streamed page by
 * page so memory stays flat; formula-like cells are neutralized; the export is audited before the
 * first byte leaves.
 *
 * @throws AppError FORBIDDEN without the list's read permission; VALIDATION_FAILED for bad filters.
 */
export async function startExport(
  ctx: ActorCtx,
  spec: ExportSpec,
  format: "xlsx" | "csv",
  query: Record<string, unknown>,
): Promise<{ stream: Readable; contentType: string; fileName: string }> {
  if (spec.permission && !ctx.actor.can(spec.permission)) {
    throw new AppError("FORBIDDEN");
  }
  const parsed = spec.filterSchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED");
  }
  await ctx.audit.record(`exports.${spec.kind}`, { entityType: spec.kind, detail: { format, filter: query } });
  const headers = spec.columns.map((column) => (ctx.locale === "en" ? column.header_en : column.header));
  const stamp = ctx.now().toISOString().slice(0, 10);
  const fileName = `${spec.kind}-${stamp}.${format}`;
  if (format === "csv") {
    async function* lines() {
      yield `\uFEFF${csvLine(headers)}`;
      for await (const cells of exportRows(ctx, spec, parsed.data)) {
        yield csvLine(cells);
      }
    }
    return { stream: Readable.from(lines()), contentType: "text/csv; charset=utf-8", fileName };
  }
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.kind);
  void (async () => {
    try {
      sheet.addRow(headers).commit();
      for await (const cells of exportRows(ctx, spec, parsed.data)) {
        sheet.addRow(cells).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return { stream: output, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName };
}
