import { and, asc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { ReviewerCandidateList, ReviewerCandidateQuery, Role } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { memberships, users } from "../../../platform/auth/index.js";
import { isInScope, rolesHolding } from "../../../platform/auth/permissions.js";
import { ancestorOf } from "../../../platform/scope/index.js";
import { areaExists, areaNameOf } from "../../jurisdictions/index.js";
import { purchaserScope } from "./access.js";
import { escapeLike } from "../../../platform/db/sql.js";

/** Most candidates returned at once; the form searches by name for more. */
export const REVIEWER_CANDIDATE_LIMIT = 50;

/**
 * GET /calls/reviewer-candidates: who may sit on the review panel of a call in `area_code` — active
 * users with a membership giving projects.review over that area (the area itself or one above it),
 * the same rule the call's panel is checked against. Only a purchaser holding calls.manage over the
 * area may ask; otherwise the area is answered as not found. One row per user (its widest reviewing
 * membership), by display name, at most 50.
 */
export async function listReviewerCandidates(ctx: ActorCtx, query: ReviewerCandidateQuery): Promise<ReviewerCandidateList> {
  if (!isInScope(query.area_code, purchaserScope(ctx)) || !(await areaExists(ctx, query.area_code))) {
    throw notFound();
  }
  const conditions: SQL[] = [
    eq(users.status, "active"),
    // Roles whose memberships give projects.review (officials and evaluators); no level rule narrows it.
    inArray(memberships.role, rolesHolding("projects.review")),
    ancestorOf(memberships.areaCode, query.area_code),
  ];
  if (query.q) {
    conditions.push(ilike(users.displayName, `%${escapeLike(query.q)}%`));
  }
  const widest = ctx.db
    .selectDistinctOn([memberships.userId], {
      userId: memberships.userId,
      displayName: users.displayName,
      role: memberships.role,
      areaCode: memberships.areaCode,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions))
    .orderBy(memberships.userId, sql`length(${memberships.areaCode})`, memberships.role)
    .as("candidates");
  const rows = await ctx.db
    .select({
      user_id: widest.userId,
      display_name: widest.displayName,
      role: widest.role,
      area_code: widest.areaCode,
      area_name: areaNameOf(widest.areaCode),
    })
    .from(widest)
    .orderBy(asc(widest.displayName), asc(widest.userId))
    .limit(REVIEWER_CANDIDATE_LIMIT);
  return { items: rows.map((row) => ({ ...row, role: row.role as Role })) };
}
