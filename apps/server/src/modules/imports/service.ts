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
import { allowedValues, columnHeader, normalizeCodedCell, reportedValue } from "./columns.js";
import { isAreaCode, resolveAreaNames } from "./areas.js";
import { isInterrupted, staleAfter } from "./policy.js";

type JobRow = typeof importJobs.$inferSelect;
type CellRecord = Record<string, string>;
type ValidRow = { rowNumber: number; value: unknown; key: string; record: CellRecord };
/** A valid row as kept (encrypted) for the write: its file row number and its cells by column key. */
type StoredRow = { r: number; c: CellRecord };

const maxBatchSize = 100;
const minBatchSize = 10;
const maxStoredErrors = 1000;
let defaultUnpackedBytes: number | undefined;
function maxUnpackedBytes(): number {
  defaultUnpackedBytes ??= loadConfig().importMaxUnpackedBytes;
  return defaultUnpackedBytes;
}

function fieldMessage(code: string, locale: Locale): string {
  return (
    fieldMessages[code]?.[locale] ??
    (isRegisteredError(code)
      ? errorDetail(code, locale)
      : (fieldMessages.custom?.[locale] ?? (locale === "en" ? "Invalid value" : "取值无效")))
  );
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

/** Rows per batch: about 20 progress steps per file, between 10 and 100 rows each. */
export function batchSizeFor(rows: number): number {
  return Math.min(maxBatchSize, Math.max(minBatchSize, Math.ceil(rows / 20)));
}

/** What the check of a file has found so far (it runs batch by batch). */
type CheckState = {
  columns: Map<string, number>;
  errors: ImportRowError[];
  errorRows: Set<number>;
  seenKeys: Map<string, number>;
  valid: ValidRow[];
};

/** One report line: the row, the column in the reader's language, the bad value (masked when personal) and the allowed values. */
function rowError(
  spec: ImportSpec,
  locale: Locale,
  entry: {
    row: number;
    key: string | null;
    code: string;
    value?: string | undefined;
    allowed?: string[] | undefined;
    message?: string;
    phase?: ImportRowError["phase"];
  },
): ImportRowError {
  const column = entry.key ? spec.columns.find((candidate) => candidate.key === entry.key) : undefined;
  const allowed = entry.allowed ?? allowedValues(column);
  return {
    row: entry.row,
    field: column ? columnHeader(column, locale) : entry.key,
    code: entry.code,
    message: entry.message ?? fieldMessage(entry.code, locale),
    phase: entry.phase ?? "validation",
    value: reportedValue(column, entry.value),
    ...(allowed?.length ? { allowed } : {}),
  };
}

/**
 * Checks one batch of rows: coded cells (labels or codes) to codes, area names to codes within the
 * importer's scope, the row schema, and duplicates of earlier rows of the file (natural key).
 * Returns the batch's rows that passed; the rest are reported in `state`.
 */
async function checkRows(ctx: ActorCtx, spec: ImportSpec, state: CheckState, rows: Sheet["rows"]): Promise<ValidRow[]> {
  const locale = ctx.locale;
  const entries = rows.map((row) => {
    const raw: CellRecord = {};
    const record: CellRecord = {};
    for (const [key, position] of state.columns) {
      const cell = row.cells[position];
      const column = spec.columns.find((candidate) => candidate.key === key);
      if (cell && column) {
        raw[key] = cell;
        record[key] = normalizeCodedCell(column, cell);
      }
    }
    return { rowNumber: row.rowNumber, raw, record, bad: false };
  });
  for (const column of spec.columns) {
    if (!column.area || !state.columns.has(column.key)) {
      continue;
    }
    const names = entries
      .map((entry) => entry.record[column.key])
      .filter((cell): cell is string => Boolean(cell) && !isAreaCode(cell ?? ""));
    if (names.length === 0) {
      continue;
    }
    const resolved = await resolveAreaNames(ctx, names, { level: column.area, permission: spec.permission ?? "imports.run" });
    for (const entry of entries) {
      const cell = entry.record[column.key];
      const resolution = cell === undefined ? undefined : resolved.get(cell);
      if (!resolution) {
        continue;
      }
      if ("code" in resolution) {
        entry.record[column.key] = resolution.code;
      } else {
        entry.bad = true;
        state.errorRows.add(entry.rowNumber);
        state.errors.push(
          rowError(spec, locale, {
            row: entry.rowNumber,
            key: column.key,
            code: resolution.problem,
            value: cell,
            allowed: resolution.candidates,
          }),
        );
      }
    }
  }
  const valid: ValidRow[] = [];
  for (const entry of entries) {
    if (entry.bad) {
      continue;
    }
    const parsed = spec.rowSchema.safeParse(entry.record);
    if (!parsed.success) {
      state.errorRows.add(entry.rowNumber);
      for (const issue of parsed.error.issues) {
        const { code, key } = issueCode(issue);
        state.errors.push(rowError(spec, locale, { row: entry.rowNumber, key, code, value: key ? entry.raw[key] : undefined }));
      }
      continue;
    }
    const naturalKey = spec.naturalKey(parsed.data);
    const firstRow = state.seenKeys.get(naturalKey);
    if (firstRow !== undefined) {
      state.errorRows.add(entry.rowNumber);
      state.errors.push(
        rowError(spec, locale, {
          row: entry.rowNumber,
          key: null,
          code: "DUPLICATE_IN_FILE",
          message: locale === "en" ? `Same record as row ${firstRow}` : `与第 ${firstRow} 行是同一条记录`,
        }),
      );
      continue;
    }
    state.seenKeys.set(naturalKey, entry.rowNumber);
    valid.push({ rowNumber: entry.rowNumber, value: parsed.data, key: naturalKey, record: entry.record });
  }
  return valid;
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
 * Tries rows in one transaction that is then rolled back, so the report also lists what only the
 * database can tell (an ID number already registered, a record outside the caller's scope).
 */
async function dryRun(ctx: ActorCtx, spec: ImportSpec, rows: ValidRow[]): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  try {
    await withTx(ctx, async (tx) => {
      for (const row of rows) {
        const outcome = await upsertRow(tx, spec, row);
        if (outcome instanceof AppError) {
          errors.push(
            rowError(spec, ctx.locale, { row: row.rowNumber, key: null, code: outcome.code, message: problemMessage(outcome, ctx.locale) }),
          );
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

/** Called after each committed batch (checking or writing) with the job as the polling endpoint now reads it. */
export type ImportProgress = (job: JobRow) => void | Promise<void>;

/**
 * Reads an uploaded file and keeps a job for it (status validating), then checks every row batch by
 * batch, committing `processed_rows` after each so the console can show the progress; the job ends
 * validated (a full report and, encrypted, the rows that passed; never the file: it may hold ID
 * numbers and phones of rows that failed) or failed. Writes nothing else. With `inBackground`, the
 * check runs after the answer (the console polls); without, the answer is the checked job.
 *
 * @throws AppError IMPORT_FILE_TOO_LARGE_UNPACKED for an XLSX that unpacks past the cap (declared or
 * real); IMPORT_BUSY when other uploads keep the parser occupied; IMPORT_FILE_INVALID for files that
 * cannot be read otherwise (size, format, empty, too many rows).
 */
export async function createImportJob(
  ctx: ActorCtx,
  spec: ImportSpec,
  file: { name: string; bytes: Buffer },
  options: { maxUnpackedBytes?: number; inBackground?: (work: Promise<unknown>) => void; onProgress?: ImportProgress } = {},
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
  const job = await withTx(ctx, async (tx) => {
    const [created] = await tx.db
      .insert(importJobs)
      .values({
        kind: spec.kind,
        createdBy: ctx.actor.userId,
        fileName: file.name,
        fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
        rowsEncrypted: null,
        encoding: sheet.encoding,
        status: "validating",
        totalRows: sheet.rows.length,
        heartbeatAt: ctx.now(),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!created) {
      throw new Error("import job not stored");
    }
    await tx.audit.record("imports.create", {
      entityType: "import_job",
      entityId: created.id,
      detail: { kind: spec.kind, rows: created.totalRows, encoding: created.encoding },
    });
    return created;
  });
  const work = checkImportJob(ctx, spec, job, sheet, options.onProgress);
  if (!options.inBackground) {
    return work;
  }
  options.inBackground(
    work.catch(async (error: unknown) => {
      await ctx.db
        .update(importJobs)
        .set({ status: "failed", finishedAt: ctx.now(), updatedAt: ctx.now() })
        .where(and(eq(importJobs.id, job.id), eq(importJobs.status, "validating")));
      throw error;
    }),
  );
  return job;
}

/** Checks a validating job's rows in batches (progress committed per batch) and stores the report. */
async function checkImportJob(ctx: ActorCtx, spec: ImportSpec, job: JobRow, sheet: Sheet, onProgress?: ImportProgress): Promise<JobRow> {
  const state: CheckState = { columns: columnIndex(spec, sheet.headers), errors: [], errorRows: new Set(), seenKeys: new Map(), valid: [] };
  let dryRunFound = false;
  if (state.columns.size === 0) {
    state.errorRows.add(1);
    state.errors.push({
      row: 1,
      field: null,
      code: "NO_KNOWN_COLUMNS",
      message:
        ctx.locale === "en"
          ? "No column matches the template; download the template and use its headers."
          : "表头与模板不符，请下载模板并使用其中的列名。",
      phase: "validation",
      value: sheet.headers.filter(Boolean).join(" | ").slice(0, 200) || null,
      allowed: spec.columns.map((column) => columnHeader(column, ctx.locale)),
    });
  } else {
    const size = batchSizeFor(sheet.rows.length);
    for (let start = 0; start < sheet.rows.length; start += size) {
      const batch = sheet.rows.slice(start, start + size);
      const valid = await checkRows(ctx, spec, state, batch);
      state.valid.push(...valid);
      // Each batch is tried in its own rolled-back transaction, so the polling endpoint is not held up.
      const refused = valid.length > 0 ? await dryRun(ctx, spec, valid) : [];
      dryRunFound ||= refused.length > 0;
      const [progressed] = await ctx.db
        .update(importJobs)
        .set({ processedRows: start + batch.length, heartbeatAt: ctx.now(), updatedAt: ctx.now() })
        .where(eq(importJobs.id, job.id))
        .returning();
      if (progressed) {
        await onProgress?.(progressed);
      }
    }
  }
  // A row may depend on an earlier row of another batch (a member on the head of household above it):
  // when the batches found refusals, the whole file is tried once more in one transaction, whose answer counts.
  const writeErrors = dryRunFound ? await dryRun(ctx, spec, state.valid) : [];
  for (const error of writeErrors) {
    state.errorRows.add(error.row);
  }
  const { errorRows } = state;
  const allErrors = [...state.errors, ...writeErrors].sort((a, b) => a.row - b.row);
  const kept: StoredRow[] = state.valid.filter((row) => !errorRows.has(row.rowNumber)).map((row) => ({ r: row.rowNumber, c: row.record }));
  const validCount = kept.length;
  const status = errorRows.has(1) || validCount + errorRows.size === 0 ? "failed" : "validated";
  return withTx(ctx, async (tx) => {
    const [checked] = await tx.db
      .update(importJobs)
      .set({
        rowsEncrypted: status === "validated" ? pii().encrypt(JSON.stringify(kept)) : null,
        status,
        validRows: validCount,
        errorRows: [...errorRows].filter((row) => row > 1).length,
        processedRows: 0,
        errors: allErrors.slice(0, maxStoredErrors),
        heartbeatAt: null,
        finishedAt: status === "failed" ? ctx.now() : null,
        updatedAt: ctx.now(),
      })
      .where(eq(importJobs.id, job.id))
      .returning();
    if (!checked) {
      throw new Error("import job not stored");
    }
    await tx.audit.record("imports.validate", {
      entityType: "import_job",
      entityId: checked.id,
      detail: { kind: spec.kind, rows: checked.totalRows, valid: checked.validRows, errors: checked.errorRows },
    });
    return checked;
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
 * Writes the valid rows of a running job after `last_row_number`, in batches (batchSizeFor: 10 to 100 rows); each batch
 * commits with the job's progress (the polling endpoint shows it), so a crash loses at most the batch in flight and a resume
 * continues after the last committed row. `onProgress` reports after each batch.
 */
export async function runImport(ctx: ActorCtx, spec: ImportSpec, id: string, onProgress?: ImportProgress): Promise<JobRow> {
  const job = await getImportJob(ctx, id);
  if (job.rowsEncrypted === null) {
    throw new AppError("IMPORT_NOT_READY", { status: "expired" });
  }
  const stored = JSON.parse(pii().decrypt(job.rowsEncrypted)) as StoredRow[];
  const pending = stored.filter((row) => row.r > job.lastRowNumber);
  let current = job;
  const size = batchSizeFor(job.validRows);
  for (let start = 0; start < pending.length; start += size) {
    const batch = pending.slice(start, start + size);
    current = await withTx(ctx, async (tx) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const rowErrors: ImportRowError[] = [];
      for (const row of batch) {
        const parsed = spec.rowSchema.safeParse(row.c);
        if (!parsed.success) {
          // Checked at upload; only a rule that changed since (e.g. a date now in the future) gets here.
          const { code, key } = issueCode(parsed.error.issues[0] ?? { code: "custom", message: "", path: [] });
          rowErrors.push(rowError(spec, ctx.locale, { row: row.r, key, code, value: key ? row.c[key] : undefined, phase: "write" }));
          continue;
        }
        const outcome = await upsertRow(tx, spec, { rowNumber: row.r, value: parsed.data, key: "", record: row.c });
        if (outcome instanceof AppError) {
          rowErrors.push(
            rowError(spec, ctx.locale, {
              row: row.r,
              key: null,
              code: outcome.code,
              message: problemMessage(outcome, ctx.locale),
              phase: "write",
            }),
          );
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
    await onProgress?.(current);
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
