import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm";
import type { ImportJob, Locale } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { errorCatalog, fieldMessages, localize } from "../../platform/errors/catalog.js";
import { readSpreadsheet, SpreadsheetError, type Sheet } from "../../platform/files/spreadsheet.js";
import type { ImportSpec } from "../../platform/module.js";
import { loadConfig } from "../../platform/config.js";
import { importJobs, type ImportRowError } from "./schema.js";

type JobRow = typeof importJobs.$inferSelect;
type ValidRow = { rowNumber: number; value: unknown; key: string };

const batchSize = 100;
const maxStoredErrors = 1000;
/** A running job whose heartbeat is older than this has lost its process and may be resumed (SANSHE_IMPORT_STALE_SECONDS). */
let staleAfterMs: number | undefined;
function staleAfter(): number {
  staleAfterMs ??= loadConfig().importStaleMs;
  return staleAfterMs;
}

function fieldMessage(code: string, locale: Locale): string {
  return (
    fieldMessages[code]?.[locale] ??
    (code in errorCatalog ? errorCatalog[code as keyof typeof errorCatalog][locale][1] : (fieldMessages.custom?.[locale] ?? code))
  );
}

function problemMessage(error: AppError, locale: Locale): string {
  return localize(errorCatalog[error.code][locale][1], error.params);
}

/** Maps the file's header cells to spec columns by Chinese header, English header or key. */
function columnIndex(spec: ImportSpec, headers: string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((header, position) => {
    const normalized = header.replace(/\s+/g, "").toLowerCase();
    const column = spec.columns.find((candidate) =>
      [candidate.header, candidate.header_en, candidate.key].some((name) => name.replace(/\s+/g, "").toLowerCase() === normalized),
    );
    if (column && !index.has(column.key)) {
      index.set(column.key, position);
    }
  });
  return index;
}

/** Checks every row against the spec's row schema and the file itself (duplicate natural keys). */
function validateSheet(
  spec: ImportSpec,
  sheet: Sheet,
  locale: Locale,
): { valid: ValidRow[]; errors: ImportRowError[]; errorRows: Set<number> } {
  const columns = columnIndex(spec, sheet.headers);
  const errors: ImportRowError[] = [];
  const errorRows = new Set<number>();
  const valid: ValidRow[] = [];
  const header = (key: string) => {
    const column = spec.columns.find((candidate) => candidate.key === key);
    return column ? (locale === "en" ? column.header_en : column.header) : key;
  };
  if (columns.size === 0) {
    errors.push({
      row: 1,
      field: null,
      code: "NO_KNOWN_COLUMNS",
      message:
        locale === "en"
          ? "No column matches the template; download the template and use its headers."
          : "表头与模板不符，请下载模板并使用其中的列名。",
      phase: "validation",
    });
    return { valid, errors, errorRows: new Set([1]) };
  }
  const seenKeys = new Map<string, number>();
  for (const row of sheet.rows) {
    const record: Record<string, string> = {};
    for (const [key, position] of columns) {
      const cell = row.cells[position];
      if (cell) {
        record[key] = cell;
      }
    }
    const parsed = spec.rowSchema.safeParse(record);
    if (!parsed.success) {
      errorRows.add(row.rowNumber);
      for (const issue of parsed.error.issues) {
        const code = /^[A-Z][A-Z_]+$/.test(issue.message)
          ? issue.message
          : issue.code === "invalid_type" && issue.message.includes("undefined")
            ? "required"
            : issue.code;
        const key = typeof issue.path[0] === "string" ? issue.path[0] : null;
        errors.push({
          row: row.rowNumber,
          field: key ? header(key) : null,
          code,
          message: fieldMessage(code, locale),
          phase: "validation",
        });
      }
      continue;
    }
    const naturalKey = spec.naturalKey(parsed.data);
    const firstRow = seenKeys.get(naturalKey);
    if (firstRow !== undefined) {
      errorRows.add(row.rowNumber);
      errors.push({
        row: row.rowNumber,
        field: null,
        code: "DUPLICATE_IN_FILE",
        message: locale === "en" ? `Same record as row ${firstRow}` : `与第 ${firstRow} 行是同一条记录`,
        phase: "validation",
      });
      continue;
    }
    seenKeys.set(naturalKey, row.rowNumber);
    valid.push({ rowNumber: row.rowNumber, value: parsed.data, key: naturalKey });
  }
  return { valid, errors, errorRows };
}

/** Runs `upsert` for one row inside a savepoint; an AppError becomes a row error instead of aborting the batch. */
async function upsertRow(txCtx: ActorCtx, spec: ImportSpec, row: ValidRow): Promise<"inserted" | "updated" | "unchanged" | AppError> {
  try {
    return await txCtx.db.transaction(async (savepoint) =>
      spec.upsert({ ...txCtx, db: savepoint, audit: txCtx.audit.on(savepoint) }, row.value),
    );
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
}

/**
 * Tries every valid row in one transaction that is then rolled back, so the report also lists what
 * only the database can tell (an ID number already registered, a record outside the caller's scope).
 */
async function dryRun(ctx: ActorCtx, spec: ImportSpec, rows: ValidRow[]): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  try {
    await withTx(ctx, async (tx) => {
      for (const row of rows) {
        const outcome = await upsertRow(tx, spec, row);
        if (outcome instanceof AppError) {
          errors.push({
            row: row.rowNumber,
            field: null,
            code: outcome.code,
            message: problemMessage(outcome, ctx.locale),
            phase: "validation",
          });
        }
      }
      throw new TransactionRollbackError();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) {
      throw error;
    }
  }
  return errors;
}

function requireSpecPermission(ctx: ActorCtx, spec: ImportSpec): void {
  if (spec.permission && !ctx.actor.can(spec.permission)) {
    throw new AppError("FORBIDDEN");
  }
}

/**
 * Reads and checks an uploaded file and keeps it as a job with a full report; writes nothing else.
 *
 * @throws AppError IMPORT_FILE_INVALID for files that cannot be read (size, format, zip bomb, empty).
 */
export async function createImportJob(ctx: ActorCtx, spec: ImportSpec, file: { name: string; bytes: Buffer }): Promise<JobRow> {
  requireSpecPermission(ctx, spec);
  let sheet: Sheet;
  try {
    sheet = await readSpreadsheet(file.bytes);
  } catch (error) {
    if (error instanceof SpreadsheetError) {
      throw new AppError("IMPORT_FILE_INVALID", { reason: error.code });
    }
    throw error;
  }
  const { valid, errors, errorRows } = validateSheet(spec, sheet, ctx.locale);
  const writeErrors = valid.length > 0 ? await dryRun(ctx, spec, valid) : [];
  for (const error of writeErrors) {
    errorRows.add(error.row);
  }
  const allErrors = [...errors, ...writeErrors].sort((a, b) => a.row - b.row);
  const validCount = valid.filter((row) => !errorRows.has(row.rowNumber)).length;
  return withTx(ctx, async (tx) => {
    const [job] = await tx.db
      .insert(importJobs)
      .values({
        kind: spec.kind,
        createdBy: ctx.actor.userId,
        fileName: file.name,
        fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
        file: file.bytes,
        encoding: sheet.encoding,
        status: errorRows.has(1) || validCount + errorRows.size === 0 ? "failed" : "validated",
        totalRows: sheet.rows.length,
        validRows: validCount,
        errorRows: [...errorRows].filter((row) => row > 1).length,
        errors: allErrors.slice(0, maxStoredErrors),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!job) {
      throw new Error("import job not stored");
    }
    await tx.audit.record("imports.create", {
      entityType: "import_job",
      entityId: job.id,
      detail: { kind: spec.kind, rows: job.totalRows, valid: job.validRows, errors: job.errorRows, encoding: job.encoding },
    });
    return job;
  });
}

/** The caller's own job. @throws AppError NOT_FOUND for another user's job. */
export async function getImportJob(ctx: ActorCtx, id: string): Promise<JobRow> {
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.createdBy, ctx.actor.userId)));
  if (!job) {
    throw notFound();
  }
  return job;
}

export function isInterrupted(job: JobRow, now: Date): boolean {
  return job.status === "running" && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > staleAfter());
}

/**
 * Starts writing a validated job (or resumes an interrupted one). Returns at once; `runImport` does
 * the work.
 *
 * @throws AppError IMPORT_HAS_ERRORS when mode "all" is asked while errors remain; IMPORT_NOT_READY
 * when the job is not validated (or interrupted, for a resume).
 */
export async function startImport(ctx: ActorCtx, id: string, mode: "all" | "valid_only" | "resume"): Promise<JobRow> {
  return withTx(ctx, async (tx) => {
    const job = await getImportJob(tx, id);
    const [locked] = await tx.db.select().from(importJobs).where(eq(importJobs.id, job.id)).for("update");
    if (!locked) {
      throw notFound();
    }
    if (mode === "resume" ? !isInterrupted(locked, ctx.now()) : locked.status !== "validated") {
      throw new AppError("IMPORT_NOT_READY", { status: locked.status });
    }
    if (mode === "all" && locked.errorRows > 0) {
      throw new AppError("IMPORT_HAS_ERRORS", { count: locked.errorRows });
    }
    const [started] = await tx.db
      .update(importJobs)
      .set({ status: "running", mode: mode === "resume" ? locked.mode : mode, heartbeatAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(importJobs.id, id))
      .returning();
    await tx.audit.record(mode === "resume" ? "imports.resume" : "imports.start", {
      entityType: "import_job",
      entityId: id,
      detail: { kind: locked.kind, mode, from_row: locked.lastRowNumber },
    });
    return started as JobRow;
  });
}

/**
 * Writes the valid rows of a running job after `last_row_number`, in batches of 100; each batch
 * commits with the job's progress, so a crash loses at most the batch in flight and a resume
 * continues after the last committed row. `onProgress` reports after each batch.
 */
export async function runImport(ctx: ActorCtx, spec: ImportSpec, id: string, onProgress?: (job: JobRow) => void): Promise<JobRow> {
  const job = await getImportJob(ctx, id);
  const sheet = await readSpreadsheet(job.file);
  const { valid, errorRows } = validateSheet(spec, sheet, ctx.locale);
  const knownBad = new Set([...errorRows, ...job.errors.map((error) => error.row)]);
  const pending = valid.filter((row) => row.rowNumber > job.lastRowNumber && !knownBad.has(row.rowNumber));
  let current = job;
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize);
    current = await withTx(ctx, async (tx) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const rowErrors: ImportRowError[] = [];
      for (const row of batch) {
        const outcome = await upsertRow(tx, spec, row);
        if (outcome instanceof AppError) {
          rowErrors.push({
            row: row.rowNumber,
            field: null,
            code: outcome.code,
            message: problemMessage(outcome, ctx.locale),
            phase: "write",
          });
        } else {
          counts[outcome] += 1;
        }
      }
      const last = batch.at(-1)?.rowNumber ?? current.lastRowNumber;
      const [updated] = await tx.db
        .update(importJobs)
        .set({
          processedRows: sql`${importJobs.processedRows} + ${batch.length}`,
          lastRowNumber: last,
          inserted: sql`${importJobs.inserted} + ${counts.inserted}`,
          updated: sql`${importJobs.updated} + ${counts.updated}`,
          unchanged: sql`${importJobs.unchanged} + ${counts.unchanged}`,
          errorRows: sql`${importJobs.errorRows} + ${rowErrors.length}`,
          errors: rowErrors.length ? sql`(${importJobs.errors} || ${JSON.stringify(rowErrors)}::jsonb)` : importJobs.errors,
          heartbeatAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .where(eq(importJobs.id, id))
        .returning();
      return updated as JobRow;
    });
    onProgress?.(current);
  }
  return withTx(ctx, async (tx) => {
    const [done] = await tx.db
      .update(importJobs)
      .set({ status: "completed", finishedAt: ctx.now(), updatedAt: ctx.now(), heartbeatAt: ctx.now() })
      .where(eq(importJobs.id, id))
      .returning();
    await tx.audit.record("imports.complete", {
      entityType: "import_job",
      entityId: id,
      detail: { kind: spec.kind, inserted: done?.inserted, updated: done?.updated, unchanged: done?.unchanged, errors: done?.errorRows },
    });
    return done as JobRow;
  });
}

/** The API shape of a job; `interrupted` is derived from a stale heartbeat. */
export function presentImportJob(job: JobRow, now: Date): ImportJob {
  return {
    id: job.id,
    kind: job.kind,
    file_name: job.fileName,
    encoding: job.encoding as ImportJob["encoding"],
    status: isInterrupted(job, now) ? "interrupted" : job.status,
    mode: job.mode,
    total_rows: job.totalRows,
    valid_rows: job.validRows,
    error_rows: job.errorRows,
    processed_rows: job.processedRows,
    last_row_number: job.lastRowNumber,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    errors: job.errors,
    created_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}
