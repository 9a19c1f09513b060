import type { Call } from "@sanshe/contracts";
import type { calls } from "../schema.js";

type CallRow = typeof calls.$inferSelect;

/** A call row as the API shows it, with its effective status (an open call past its deadline is under review). */
export function presentCall(row: CallRow, status: string): Call {
  return {
    id: row.id,
    ocid: row.ocid,
    area_code: row.areaCode,
    purchaser_name: row.purchaserName,
    mode: row.mode,
    title: row.title,
    status: status as Call["status"],
    total_budget_fen: row.totalBudgetFen,
    project_cap_fen: row.projectCapFen,
    submission_deadline: row.submissionDeadline.toISOString(),
    published_at: row.publishedAt?.toISOString() ?? null,
    awarded_at: row.awardedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    version: row.version,
  };
}
