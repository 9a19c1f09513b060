import type { ImportJob, ImportRowError } from "@sanshe/contracts";

/** The errors found while writing (after validation passed), as the server marks them. */
export function writeErrors(job: ImportJob): ImportRowError[] {
  return job.errors.filter((error) => error.phase === "write");
}

/** Rows done and rows to do in the job's current phase: checking (of all rows) or writing (of the valid rows). */
export function progressCounts(job: Pick<ImportJob, "status" | "processed_rows" | "valid_rows" | "total_rows">): {
  processed: number;
  total: number;
} {
  return { processed: job.processed_rows, total: job.status === "validating" ? job.total_rows : job.valid_rows };
}

/** Percent of the current phase done: rows checked (validating) or valid rows attempted, written or refused (running). */
export function progressPercent(job: Pick<ImportJob, "status" | "processed_rows" | "valid_rows" | "total_rows">): number {
  if (job.status === "completed") {
    return 100;
  }
  const { processed, total } = progressCounts(job);
  if (total <= 0) {
    return 0;
  }
  return Math.min(99, Math.floor((processed / total) * 100));
}

/** The file row a resumed job continues from (row 1 is the header). */
export function resumeRow(job: Pick<ImportJob, "last_row_number">): number {
  return Math.max(2, job.last_row_number + 1);
}
