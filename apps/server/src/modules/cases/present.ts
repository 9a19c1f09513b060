import type { Case, CaseListItem } from "@sanshe/contracts";
import type { caseGoals, caseReviews, caseSessions, CaseRow } from "./schema.js";

type CaseNames = { residents: Map<string, string>; workers: Map<string, string> };

/** A case in a list, with the resident's and the worker's names. */
export function presentItem(row: CaseRow, names: CaseNames): CaseListItem {
  return {
    id: row.id,
    area_code: row.areaCode,
    resident_id: row.residentId,
    resident_name: names.residents.get(row.residentId) ?? null,
    worker_id: row.workerId,
    worker_name: names.workers.get(row.workerId) ?? null,
    referral_id: row.referralId,
    need_id: row.needId,
    status: row.status,
    risk_level: row.riskLevel,
    opened_on: row.openedOn,
    closed_on: row.closedOn,
    version: row.version,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The full case file: plan (goals), sessions and reviews; `is_owner` for the worker owning it. */
export function presentCase(
  row: CaseRow,
  parts: {
    goals: Array<typeof caseGoals.$inferSelect>;
    sessions: Array<typeof caseSessions.$inferSelect>;
    reviews: Array<typeof caseReviews.$inferSelect>;
    names: CaseNames;
  },
  callerWorkerId: string | null,
): Case {
  return {
    ...presentItem(row, parts.names),
    presenting_problem: row.presentingProblem,
    needs: row.needs,
    risks: row.risks,
    closing_summary: row.closingSummary,
    closing_reason: row.closingReason,
    is_owner: callerWorkerId !== null && callerWorkerId === row.workerId,
    goals: parts.goals.map((goal) => ({
      id: goal.id,
      text: goal.text,
      target_date: goal.targetDate,
      status: goal.status,
      version: goal.version,
    })),
    sessions: parts.sessions.map((session) => ({
      id: session.id,
      date: session.date,
      minutes: session.minutes,
      kind: session.kind,
      notes: session.notes,
      created_at: session.createdAt.toISOString(),
    })),
    reviews: parts.reviews.map((review) => ({
      id: review.id,
      date: review.date,
      progress: review.progress,
      decision: review.decision,
      created_at: review.createdAt.toISOString(),
    })),
    created_at: row.createdAt.toISOString(),
  };
}
