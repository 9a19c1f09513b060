import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm";
import type { Locale } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { errorDetail, fieldMessages, isRegisteredError } from "../../platform/errors/catalog.js";
import { readSpreadsheet, SpreadsheetError, type Sheet } from "../../platform/files/spreadsheet.js";
import type { ImportSpec } from "../../platform/module.js";
import { loadConfig } from "../../platform/config.js";
import { pii } from "../../platform/pii/index.js";
import { importJobs, type ImportRowError } from "./schema.js";
import { isInterrupted, staleAfter } from "./policy.js";

type JobRow = typeof importJobs.$inferSelect;
type CellRecord = Record<string, string>;
type ValidRow = { rowNumber: number; value: unknown; key: string; record: CellRecord };
/** A valid row as kept (encrypted) for the write: its file row number and its cells by column key. */
type StoredRow = { r: number; c: CellRecord };

const batchSize = 100;
const maxStoredErrors = 1000;
let defaultUnpackedBytes: number | undefined;
function maxUnpackedBytes(): number {
  defaultUnpackedBytes ??= loadConfig().importMaxUnpackedBytes;
  return defaultUnpackedBytes;
}

function fieldMessage(code: string, locale: Locale): string {
  return fieldMessages[code]?.[locale] ?? (isRegisteredError(code) ? errorDetail(code, locale) : (fieldMessages.custom?.[locale] ?? code));
}

function problemMessage(error: AppError, locale: Locale): string {
  return errorDetail(error.code, locale, error.params);
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

/** The stable code of a row-schema issue (our own UPPER_CASE codes, `required`, or zod's code) and its column key. */
function issueCode(issue: { code: string; message: string; path: PropertyKey[] }): { code: string; key: string | null } {
  const code = /^[A-Z][A-Z_]+$/.test(issue.message)
    ? issue.message
    : issue.code === "invalid_type" && issue.message.includes("undefined")
      ? "required"
      : issue.code;
  return { code, key: typeof issue.path[0] === "string" ? issue.path[0] : null };
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
        const { code, key } = issueCode(issue);
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
    valid.push({ rowNumber: row.rowNumber, value: parsed.data, key: naturalKey, record });
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
 * Reads and checks an uploaded file and keeps a job with a full report and, encrypted, the rows
 * that passed (never the file: it may hold ID numbers and phones of rows that failed); writes
 * nothing else.
 *
 * @throws AppError IMPORT_FILE_TOO_LARGE_UNPACKED for an XLSX that unpacks past the cap (declared or
 * real); IMPORT_BUSY when other uploads keep the parser occupied; IMPORT_FILE_INVALID for files that
 * cannot be read otherwise (size, format, empty, too many rows).
 */
export async function createImportJob(
  ctx: ActorCtx,
  spec: ImportSpec,
  file: { name: string; bytes: Buffer },
  options: { maxUnpackedBytes?: number } = {},
): Promise<JobRow> {
  requireSpecPermission(ctx, spec);
  const unpackedBytes = options.maxUnpackedBytes ?? maxUnpackedBytes();
  let sheet: Sheet;
  try {
    sheet = await readSpreadsheet(file.bytes, { unpackedBytes });
  } catch (error) {
    if (error instanceof SpreadsheetError) {
      if (error.code === "UNPACKED_TOO_LARGE") {
        throw new AppError("IMPORT_FILE_TOO_LARGE_UNPACKED", { limit_mb: Math.round(unpackedBytes / 1024 / 1024) });
      }
      if (error.code === "BUSY") {
        throw new AppError("IMPORT_BUSY");
      }
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
  const kept: StoredRow[] = valid.filter((row) => !errorRows.has(row.rowNumber)).map((row) => ({ r: row.rowNumber, c: row.record }));
  const validCount = kept.length;
  const status = errorRows.has(1) || validCount + errorRows.size === 0 ? "failed" : "validated";
  return withTx(ctx, async (tx) => {
    const [job] = await tx.db
      .insert(importJobs)
      .values({
        kind: spec.kind,
        createdBy: ctx.actor.userId,
        fileName: file.name,
        fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
        rowsEncrypted: status === "validated" ? pii().encrypt(JSON.stringify(kept)) : null,
        encoding: sheet.encoding,
        status,
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
    if (locked.rowsEncrypted === null) {
      throw new AppError("IMPORT_NOT_READY", { status: "expired" });
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
  if (job.rowsEncrypted === null) {
    throw new AppError("IMPORT_NOT_READY", { status: "expired" });
  }
  const stored = JSON.parse(pii().decrypt(job.rowsEncrypted)) as StoredRow[];
  const pending = stored.filter((row) => row.r > job.lastRowNumber);
  let current = job;
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize);
    current = await withTx(ctx, async (tx) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const rowErrors: ImportRowError[] = [];
      for (const row of batch) {
        const parsed = spec.rowSchema.safeParse(row.c);
        if (!parsed.success) {
          // Checked at upload; only a rule that changed since (e.g. a date now in the future) gets here.
          const { code } = issueCode(parsed.error.issues[0] ?? { code: "custom", message: "", path: [] });
          rowErrors.push({ row: row.r, field: null, code, message: fieldMessage(code, ctx.locale), phase: "write" });
          continue;
        }
        const outcome = await upsertRow(tx, spec, { rowNumber: row.r, value: parsed.data, key: "", record: row.c });
        if (outcome instanceof AppError) {
          rowErrors.push({
            row: row.r,
            field: null,
            code: outcome.code,
            message: problemMessage(outcome, ctx.locale),
            phase: "write",
          });
        } else {
          counts[outcome] += 1;
        }
      }
      const last = batch.at(-1)?.r ?? current.lastRowNumber;
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
      .set({ status: "completed", rowsEncrypted: null, finishedAt: ctx.now(), updatedAt: ctx.now(), heartbeatAt: ctx.now() })
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

/**
 * Deletes the stored rows of jobs that ended (completed, failed) and of jobs uploaded more than
 * `retentionMs` ago that were never committed or were left interrupted; the latter become failed
 * with an IMPORT_EXPIRED entry in their report. A job still running (fresh heartbeat) is left alone.
 * Run by the server's periodic sweep (SANSHE_IMPORT_RETENTION_DAYS).
 */
export async function purgeExpiredImports(ctx: Ctx, retentionMs: number = loadConfig().importRetentionMs): Promise<{ purged: number }> {
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - retentionMs);
  const staleBefore = new Date(now.getTime() - staleAfter());
  const candidates = await ctx.db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        isNotNull(importJobs.rowsEncrypted),
        or(
          inArray(importJobs.status, ["completed", "failed"]),
          and(
            lt(importJobs.createdAt, cutoff),
            or(
              eq(importJobs.status, "validated"),
              and(eq(importJobs.status, "running"), or(sql`${importJobs.heartbeatAt} IS NULL`, lt(importJobs.heartbeatAt, staleBefore))),
            ),
          ),
        ),
      ),
    );
  const days = Math.round((retentionMs / 86_400_000) * 10) / 10;
  const expired: ImportRowError = {
    row: 1,
    field: null,
    code: "IMPORT_EXPIRED",
    message: `超过保留期（${days} 天）未完成，已删除上传的数据，请重新上传。 / Not finished within the ${days}-day retention; the uploaded data was deleted, upload it again.`,
    phase: "validation",
  };
  let purged = 0;
  for (const { id } of candidates) {
    await withTx(ctx, async (tx) => {
      const [job] = await tx.db.select().from(importJobs).where(eq(importJobs.id, id)).for("update");
      if (!job || job.rowsEncrypted === null) {
        return;
      }
      const ended = job.status === "completed" || job.status === "failed";
      if (!ended && (job.createdAt >= cutoff || (job.status === "running" && !isInterrupted(job, now)))) {
        return;
      }
      await tx.db
        .update(importJobs)
        .set(
          ended
            ? { rowsEncrypted: null, updatedAt: now }
            : {
                rowsEncrypted: null,
                status: "failed",
                finishedAt: now,
                updatedAt: now,
                errors: sql`(${importJobs.errors} || ${JSON.stringify([expired])}::jsonb)`,
              },
        )
        .where(eq(importJobs.id, id));
      await tx.audit.record("imports.expire", {
        entityType: "import_job",
        entityId: id,
        detail: { kind: job.kind, status: job.status, last_row_number: job.lastRowNumber },
      });
      purged += 1;
    });
  }
  return { purged };
}
