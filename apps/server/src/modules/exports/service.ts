import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { csvLine, neutralizeCell } from "../../platform/files/spreadsheet.js";
import type { ExportSpec } from "../../platform/module.js";
import type { Permission } from "@sanshe/contracts";
import type { Page } from "@sanshe/contracts";

const pageSize = 500;

/**
 * Walks every page of the (scoped, masked) list from the first page, already read, and yields the
 * cells of each row.
 */
async function* exportRows(ctx: ActorCtx, spec: ExportSpec, filter: unknown, first: Page<unknown>): AsyncGenerator<Array<string | number>> {
  let page = first;
  for (;;) {
    for (const item of page.items) {
      yield spec.columns.map((column) => neutralizeCell(column.value(item)));
    }
    if (!page.next_cursor) {
      return;
    }
    page = await spec.page(ctx, filter, page.next_cursor, pageSize);
  }
}

/**
 * Starts an export of a filtered list as CSV (UTF-8 with BOM, for Excel) or XLSX, streamed page by
 * page so memory stays flat; formula-like cells are neutralized; the export is audited before the
 * first byte leaves. Permission, filters and scope are checked before any byte is sent: the first
 * page is read here, so an area outside the caller's scope answers 404 problem+json, not a header row
 * and a cut connection.
 *
 * @throws AppError FORBIDDEN without the list's read permission (every spec names one; deny by
 *   default); VALIDATION_FAILED for bad filters; NOT_FOUND for a filter outside the caller's scope.
 */
export async function startExport(
  ctx: ActorCtx,
  spec: ExportSpec,
  format: "xlsx" | "csv",
  query: Record<string, unknown>,
): Promise<{ stream: Readable; contentType: string; fileName: string }> {
  const permissions: readonly Permission[] = typeof spec.permission === "string" ? [spec.permission] : spec.permission;
  if (!permissions.some((permission) => ctx.actor.can(permission))) {
    throw new AppError("FORBIDDEN");
  }
  const parsed = spec.filterSchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED");
  }
  const first = await spec.page(ctx, parsed.data, undefined, pageSize);
  await ctx.audit.record(`exports.${spec.kind}`, { entityType: spec.kind, detail: { format, filter: query } });
  const headers = spec.columns.map((column) => (ctx.locale === "en" ? column.header_en : column.header));
  const stamp = ctx.now().toISOString().slice(0, 10);
  const fileName = `${spec.kind}-${stamp}.${format}`;
  if (format === "csv") {
    async function* lines() {
      yield `\uFEFF${csvLine(headers)}`;
      for await (const cells of exportRows(ctx, spec, parsed.data, first)) {
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
      for await (const cells of exportRows(ctx, spec, parsed.data, first)) {
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
