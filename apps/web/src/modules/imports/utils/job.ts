import type { ImportJob, ImportRowError } from "@sanshe/contracts";

/** The errors found while writing (after validation passed), as the server marks them. */
export function writeErrors(job: ImportJob): ImportRowError[] {
  return job.errors.filter((error) => error.phase === "write");
}

/** Percent of the valid rows attempted so far (written or refused). */
export function progressPercent(job: Pick<ImportJob, "status" | "processed_rows" | "valid_rows">): number {
  if (job.status === "completed") {
    return 100;
  }
  if (job.valid_rows <= 0) {
    return 0;
  }
  return Math.min(99, Math.floor((job.processed_rows / job.valid_rows) * 100));
}

/** The file row a resumed job continues from (row 1 is the header). */
export function resumeRow(job: Pick<ImportJob, "last_row_number">): number {
  return Math.max(2, job.last_row_number + 1);
}
