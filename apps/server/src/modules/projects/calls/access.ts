import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { ActorCtx } from "../../../platform/ctx.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { ancestorOf, inScope } from "../../../platform/scope/index.js";
import { someOrganizationNear } from "../../social-orgs/index.js";
import { applications, callReviewers, calls } from "../schema.js";

/**
 * Who sees what of calls and applications, as SQL (out of scope answers 404):
 * - the purchaser side: `calls.manage` over the call's area sees everything, drafts included;
 * - readers with `projects.read` read published calls over their area and ancestors' calls (a city
 *   call concerns a street); officials and community staff also application summaries over their area;
 * - organizations (org staff) read published calls whose area contains, or lies inside, their
 *   membership area, their organization's home or one of its service areas; and only their own
 *   organization's applications;
 * - panel members read their calls, and the call's applications once the deadline has passed.
 */

export const purchaserScope = (ctx: ActorCtx) => ctx.actor.scope("calls.manage");

/** Areas of memberships holding projects.read, split by whether they act for an organization. */
function readAreas(ctx: ActorCtx, organization: boolean): string[] {
  return ctx.actor.memberships
    .filter((m) => (m.organizationId !== null) === organization && membershipPermissions(m).includes("projects.read"))
    .map((m) => m.areaCode);
}

/** Areas where the actor reads applications' summaries as an official or community staff (evaluators do not). */
function officialAreas(ctx: ActorCtx): string[] {
  return ctx.actor.memberships
    .filter((m) => (m.role === "official" || m.role === "community_staff") && membershipPermissions(m).includes("projects.read"))
    .map((m) => m.areaCode);
}

/** Organizations the actor applies for (memberships with projects.apply and an organization). */
export function applyingOrganizations(ctx: ActorCtx): string[] {
  return [
    ...new Set(
      ctx.actor.memberships
        .filter((m) => m.organizationId !== null && membershipPermissions(m).includes("projects.apply"))
        .map((m) => m.organizationId as string),
    ),
  ];
}

export function isReviewerOf(ctx: ActorCtx, callId: SQL | typeof calls.id): SQL {
  return sql`EXISTS (SELECT 1 FROM ${callReviewers} WHERE ${callReviewers.callId} = ${callId} AND ${callReviewers.userId} = ${ctx.actor.userId})`;
}

/** Calls the actor may read. */
export function callVisible(ctx: ActorCtx): SQL {
  const staffAreas = readAreas(ctx, false);
  const orgAreas = readAreas(ctx, true);
  const branches: SQL[] = [inScope(calls.areaCode, purchaserScope(ctx)), isReviewerOf(ctx, calls.id)];
  const published: SQL[] = [inScope(calls.areaCode, staffAreas)];
  for (const area of [...staffAreas, ...orgAreas]) {
    published.push(ancestorOf(calls.areaCode, area));
  }
  if (orgAreas.length > 0) {
    published.push(inScope(calls.areaCode, orgAreas));
  }
  const orgs = applyingOrganizations(ctx);
  if (orgs.length > 0) {
    published.push(someOrganizationNear(orgs, calls.areaCode));
  }
  branches.push(and(sql`${calls.status} <> 'draft'`, or(...published)) as SQL);
  return or(...branches) as SQL;
}

/** SQL: the call's deadline has passed at `now`. */
export function deadlinePassed(now: Date): SQL<boolean> {
  return sql<boolean>`${calls.submissionDeadline} <= ${now.toISOString()}::timestamptz`;
}

/** The status shown: an open call past its deadline is under review. */
export function effectiveStatus(now: Date): SQL<string> {
  return sql<string>`CASE WHEN ${calls.status} = 'open' AND ${deadlinePassed(now)} THEN 'under_review' ELSE ${calls.status} END`;
}

/** Applications the actor may read (joined with calls). */
export function applicationVisible(ctx: ActorCtx): SQL {
  const orgs = applyingOrganizations(ctx);
  return or(
    inScope(applications.areaCode, purchaserScope(ctx)),
    inScope(applications.areaCode, officialAreas(ctx)),
    ...(orgs.length > 0 ? [inArray(applications.orgId, orgs)] : []),
    and(
      isReviewerOf(ctx, calls.id),
      deadlinePassed(ctx.now()),
      sql`${calls.status} <> 'cancelled'`,
      sql`${applications.status} <> 'withdrawn'`,
    ),
  ) as SQL;
}

export const callOf = eq(calls.id, applications.callId);
