import type { ImportJob } from "@sanshe/contracts";
import type { importJobs } from "./schema.js";
import { isCheckLost, isInterrupted } from "./policy.js";

type JobRow = typeof importJobs.$inferSelect;

/** The API shape of a job; `interrupted` is derived from a stale heartbeat (a check that lost its process has failed). */
export function presentImportJob(job: JobRow, now: Date): ImportJob {
  return {
    id: job.id,
    kind: job.kind,
    file_name: job.fileName,
    encoding: job.encoding as ImportJob["encoding"],
    status: isInterrupted(job, now) ? "interrupted" : isCheckLost(job, now) ? "failed" : job.status,
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
