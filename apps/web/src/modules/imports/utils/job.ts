import type { ImportJob, ImportRowError } from "@sanshe/contracts";

type Counts = Pick<ImportJob, "total_rows" | "valid_rows" | "error_rows">;

/** Rows refused by validation: every data row is either valid or bad when the report is made. */
export function validationErrorRows(job: Counts): number {
  return Math.max(0, job.total_rows - job.valid_rows);
}

/** Rows that passed validation but failed while being written (error_rows grows during the run). */
export function writeErrorRows(job: Counts): number {
  return Math.max(0, job.error_rows - validationErrorRows(job));
}

/**
 * The errors found while writing. The server appends them after the sorted validation report, one
 * entry per failed row, so they are the last `writeErrorRows` entries.
 */
export function writeErrors(job: ImportJob): ImportRowError[] {
  const count = writeErrorRows(job);
  return count === 0 ? [] : job.errors.slice(-count);
}

/** Percent of the valid rows written so far. */
export function progressPercent(job: Pick<ImportJob, "status" | "processed_rows" | "valid_rows" | "error_rows" | "total_rows">): number {
  if (job.status === "completed") {
    return 100;
  }
  if (job.valid_rows <= 0) {
    return 0;
  }
  const done = job.processed_rows + writeErrorRows(job);
  return Math.min(99, Math.floor((done / job.valid_rows) * 100));
}

/** The file row a resumed job continues from (row 1 is the header). */
export function resumeRow(job: Pick<ImportJob, "last_row_number">): number {
  return Math.max(2, job.last_row_number + 1);
}
