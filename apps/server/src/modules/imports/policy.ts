import { loadConfig } from "../../platform/config.js";
import type { importJobs } from "./schema.js";

type JobRow = typeof importJobs.$inferSelect;

/** A running job whose heartbeat is older than this has lost its process and may be resumed (SANSHE_IMPORT_STALE_SECONDS). */
let staleAfterMs: number | undefined;
export function staleAfter(): number {
  staleAfterMs ??= loadConfig().importStaleMs;
  return staleAfterMs;
}

/** A running job whose process is gone (stale heartbeat): it may be resumed. */
export function isInterrupted(job: JobRow, now: Date): boolean {
  return job.status === "running" && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > staleAfter());
}

/** A job still being checked whose process is gone (stale heartbeat): the check cannot resume; upload again. */
export function isCheckLost(job: JobRow, now: Date): boolean {
  return job.status === "validating" && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > staleAfter());
}
