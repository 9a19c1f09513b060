import { and, asc, desc, eq, inArray, or, sql, type Column, type SQL } from "drizzle-orm";
import { z } from "zod";
import type {
  LeadershipGroup,
  LeadershipGroupPage,
  LeadershipListQuery,
  PlanDetail,
  PlanListQuery,
  PlanPage,
  PlanTarget,
  ProgressReportPage,
  ResponsibilityPage,
} from "@sanshe/contracts/leadership";
import type { PageQuery } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { inScope, overlapsArea, withinArea } from "../../platform/scope/index.js";
import { users } from "../../platform/auth/index.js";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";
import { pageOf } from "../../platform/pagination/page.js";
import { areas } from "../jurisdictions/index.js";
import { computeIndicators, type IndicatorValues } from "./indicators.js";
import { isComputed, localDate } from "./policy.js";
import { presentGroup, presentPlan, presentReport, presentResponsibility, presentTarget } from "./present.js";
import {
  leadershipGroupMembers,
  leadershipGroups,
  leadershipPlans,
  leadershipPlanTargets,
  leadershipProgressReports,
  leadershipResponsibilities,
} from "./schema.js";

/** Opaque keyset cursors (the sort values of the last row); an unreadable one starts from the first page. */
const areaNameCursor = cursorCodec(z.tuple([z.string(), z.string(), cursorId]));
const planCursor = cursorCodec(z.tuple([z.number().int(), z.string(), cursorId]));
const reportCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));

/**
 * Rows the actor may read: those of an area where the actor holds leadership.read, of its ancestors
 * (a street reads the district's group and plan) and of its descendants. In SQL, OR-ed per prefix.
 */
export function readable(ctx: ActorCtx, column: Column): SQL {
  const prefixes = ctx.actor.scope("leadership.read");
  if (prefixes.length === 0) {
    return sql`false`;
  }
  return or(...prefixes.map((prefix) => overlapsArea(column, prefix))) as SQL;
}

/** Rows the actor manages: inside an area where it holds leadership.manage (never the levels above). */
export function managed(ctx: ActorCtx, column: Column): SQL {
  return inScope(column, ctx.actor.scope("leadership.manage"));
}

/** The departments whose staff the actor is (department memberships), for "owner department" checks. */
function departmentsOf(ctx: ActorCtx): string[] {
  return ctx.actor.memberships
    .filter((membership) => membership.role === "department" && membership.organizationId)
    .map((membership) => membership.organizationId as string);
}

/** SQL: true when the actor may report progress on a target row: a manager of its area, its owner account or staff of its owner department. */
export function reportable(ctx: ActorCtx): SQL {
  const departments = departmentsOf(ctx);
  return sql`(${or(
    managed(ctx, leadershipPlanTargets.areaCode),
    eq(leadershipPlanTargets.ownerUserId, ctx.actor.userId),
    departments.length > 0 ? inArray(leadershipPlanTargets.ownerDepartmentId, departments) : undefined,
  )})`;
}

const groupColumns = (ctx: ActorCtx) => ({
  group: leadershipGroups,
  areaName: areas.name,
  responsibilities: sql<number>`(SELECT count(*)::int FROM ${leadershipResponsibilities} r WHERE r.group_id = ${leadershipGroups.id})`,
  canManage: sql<boolean>`${managed(ctx, leadershipGroups.areaCode)}`,
});

/** Members of the groups, in their order; one query. */
async function membersOf(ctx: Ctx, groupIds: readonly string[]) {
  const byGroup = new Map<string, Array<typeof leadershipGroupMembers.$inferSelect>>();
  if (groupIds.length === 0) {
    return byGroup;
  }
  const rows = await ctx.db
    .select()
    .from(leadershipGroupMembers)
    .where(inArray(leadershipGroupMembers.groupId, [...groupIds]))
    .orderBy(asc(leadershipGroupMembers.groupId), asc(leadershipGroupMembers.position));
  for (const row of rows) {
    byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row]);
  }
  return byGroup;
}

/**
 * Leadership groups the actor may read (its area, the levels above and below), optionally only those
 * of `area` and below, by area code and name (keyset). Two queries whatever the page size.
 */
export async function listGroups(ctx: ActorCtx, query: LeadershipListQuery): Promise<LeadershipGroupPage> {
  const conditions: SQL[] = [readable(ctx, leadershipGroups.areaCode)];
  if (query.area) {
    conditions.push(withinArea(leadershipGroups.areaCode, query.area));
  }
  const after = areaNameCursor.decode(query.cursor);
  if (after) {
    conditions.push(
      sql`(${leadershipGroups.areaCode}, ${leadershipGroups.name}, ${leadershipGroups.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select(groupColumns(ctx))
    .from(leadershipGroups)
    .leftJoin(areas, eq(areas.code, leadershipGroups.areaCode))
    .where(and(...conditions))
    .orderBy(asc(leadershipGroups.areaCode), asc(leadershipGroups.name), asc(leadershipGroups.id))
    .limit(query.limit + 1);
  const members = await membersOf(
    ctx,
    rows.slice(0, query.limit).map((row) => row.group.id),
  );
  return pageOf(
    rows,
    query.limit,
    (row) => presentGroup(row, members.get(row.group.id) ?? []),
    (last) => areaNameCursor.encode([last.group.areaCode, last.group.name, last.group.id]),
  );
}

/** One group the actor may read, with its members. @throws NOT_FOUND otherwise. */
export async function getGroup(ctx: ActorCtx, id: string): Promise<LeadershipGroup> {
  const [row] = await ctx.db
    .select(groupColumns(ctx))
    .from(leadershipGroups)
    .leftJoin(areas, eq(areas.code, leadershipGroups.areaCode))
    .where(and(eq(leadershipGroups.id, id), readable(ctx, leadershipGroups.areaCode)));
  if (!row) {
    throw notFound();
  }
  const members = await membersOf(ctx, [id]);
  return presentGroup(row, members.get(id) ?? []);
}

/** The responsibility list of a group the actor may read, by department (keyset). @throws NOT_FOUND otherwise. */
export async function listResponsibilities(ctx: ActorCtx, groupId: string, query: PageQuery): Promise<ResponsibilityPage> {
  const [group] = await ctx.db
    .select({ areaCode: leadershipGroups.areaCode })
    .from(leadershipGroups)
    .where(and(eq(leadershipGroups.id, groupId), readable(ctx, leadershipGroups.areaCode)));
  if (!group) {
    throw notFound();
  }
  const conditions: SQL[] = [eq(leadershipResponsibilities.areaCode, group.areaCode), eq(leadershipResponsibilities.groupId, groupId)];
  const after = areaNameCursor.decode(query.cursor);
  if (after) {
    conditions.push(
      sql`(${leadershipResponsibilities.departmentName}, ${leadershipResponsibilities.id}) > (${after[1]}, ${after[2]}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select()
    .from(leadershipResponsibilities)
    .where(and(...conditions))
    .orderBy(asc(leadershipResponsibilities.departmentName), asc(leadershipResponsibilities.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, presentResponsibility, (last) => areaNameCursor.encode([last.areaCode, last.departmentName, last.id]));
}

const planColumns = (ctx: ActorCtx) => ({
  plan: leadershipPlans,
  areaName: areas.name,
  targetsCount: sql<number>`(SELECT count(*)::int FROM ${leadershipPlanTargets} t WHERE t.plan_id = ${leadershipPlans.id})`,
  canManage: sql<boolean>`${managed(ctx, leadershipPlans.areaCode)}`,
});

/** Plans the actor may read, optionally of `area` and below and of one year; newest year first, then by area (keyset). */
export async function listPlans(ctx: ActorCtx, query: PlanListQuery): Promise<PlanPage> {
  const conditions: SQL[] = [readable(ctx, leadershipPlans.areaCode)];
  if (query.area) {
    conditions.push(withinArea(leadershipPlans.areaCode, query.area));
  }
  if (query.year !== undefined) {
    conditions.push(eq(leadershipPlans.year, query.year));
  }
  const after = planCursor.decode(query.cursor);
  if (after) {
    conditions.push(
      sql`(-${leadershipPlans.year}, ${leadershipPlans.areaCode}, ${leadershipPlans.id}) > (${-after[0]}::int, ${after[1]}, ${after[2]}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select(planColumns(ctx))
    .from(leadershipPlans)
    .leftJoin(areas, eq(areas.code, leadershipPlans.areaCode))
    .where(and(...conditions))
    .orderBy(desc(leadershipPlans.year), asc(leadershipPlans.areaCode), asc(leadershipPlans.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, presentPlan, (last) => planCursor.encode([last.plan.year, last.plan.areaCode, last.plan.id]));
}

/** The latest report of each target (one DISTINCT ON query). */
export async function latestReports(ctx: Ctx, targetIds: readonly string[]): Promise<Map<string, { value: number; reportedAt: Date }>> {
  if (targetIds.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .selectDistinctOn([leadershipProgressReports.targetId], {
      targetId: leadershipProgressReports.targetId,
      value: leadershipProgressReports.value,
      reportedAt: leadershipProgressReports.reportedAt,
    })
    .from(leadershipProgressReports)
    .where(inArray(leadershipProgressReports.targetId, [...targetIds]))
    .orderBy(asc(leadershipProgressReports.targetId), desc(leadershipProgressReports.reportedAt), desc(leadershipProgressReports.id));
  return new Map(rows.map((row) => [row.targetId, { value: Number(row.value), reportedAt: row.reportedAt }]));
}

/** The live values a set of targets of one plan (its area and year) needs (only the computed indicators among them). */
export async function valuesFor(
  ctx: Ctx,
  plan: { areaCode: string; year: number },
  targets: ReadonlyArray<{ indicator: PlanTarget["indicator"] }>,
): Promise<IndicatorValues> {
  const needed = [...new Set(targets.map((target) => target.indicator).filter(isComputed))];
  return needed.length > 0 ? computeIndicators(ctx, plan.areaCode, plan.year, needed) : {};
}

/**
 * A plan the actor may read with its targets (by due date) and their progress computed now: the
 * live indicators of the plan's area once, the latest report of each target once. @throws NOT_FOUND.
 */
export async function getPlan(ctx: ActorCtx, id: string): Promise<PlanDetail> {
  const [row] = await ctx.db
    .select(planColumns(ctx))
    .from(leadershipPlans)
    .leftJoin(areas, eq(areas.code, leadershipPlans.areaCode))
    .where(and(eq(leadershipPlans.id, id), readable(ctx, leadershipPlans.areaCode)));
  if (!row) {
    throw notFound();
  }
  const targets = await ctx.db
    .select({ target: leadershipPlanTargets, canReport: sql<boolean>`${reportable(ctx)}` })
    .from(leadershipPlanTargets)
    .where(and(eq(leadershipPlanTargets.areaCode, row.plan.areaCode), eq(leadershipPlanTargets.planId, id)))
    .orderBy(asc(leadershipPlanTargets.dueOn), asc(leadershipPlanTargets.id));
  const [latest, values] = await Promise.all([
    latestReports(
      ctx,
      targets.map((t) => t.target.id),
    ),
    valuesFor(
      ctx,
      row.plan,
      targets.map((t) => t.target),
    ),
  ]);
  const now = ctx.now();
  const today = localDate(now);
  return {
    ...presentPlan(row),
    targets: targets.map((t) =>
      presentTarget(t.target, { latest: latest.get(t.target.id), values, today, canReport: Boolean(t.canReport) }),
    ),
    as_of: now.toISOString(),
  };
}

/** One target the actor may read, with its progress now. @throws NOT_FOUND otherwise. */
export async function getTarget(ctx: ActorCtx, id: string): Promise<PlanTarget> {
  const [row] = await ctx.db
    .select({ target: leadershipPlanTargets, year: leadershipPlans.year, canReport: sql<boolean>`${reportable(ctx)}` })
    .from(leadershipPlanTargets)
    .innerJoin(leadershipPlans, eq(leadershipPlans.id, leadershipPlanTargets.planId))
    .where(and(eq(leadershipPlanTargets.id, id), readable(ctx, leadershipPlanTargets.areaCode)));
  if (!row) {
    throw notFound();
  }
  const [latest, values] = await Promise.all([
    latestReports(ctx, [id]),
    valuesFor(ctx, { areaCode: row.target.areaCode, year: row.year }, [row.target]),
  ]);
  return presentTarget(row.target, { latest: latest.get(id), values, today: localDate(ctx.now()), canReport: Boolean(row.canReport) });
}

/** Progress reports of a target the actor may read, newest first (keyset). @throws NOT_FOUND otherwise. */
export async function listProgress(ctx: ActorCtx, targetId: string, query: PageQuery): Promise<ProgressReportPage> {
  const [target] = await ctx.db
    .select({ id: leadershipPlanTargets.id })
    .from(leadershipPlanTargets)
    .where(and(eq(leadershipPlanTargets.id, targetId), readable(ctx, leadershipPlanTargets.areaCode)));
  if (!target) {
    throw notFound();
  }
  const conditions: SQL[] = [eq(leadershipProgressReports.targetId, targetId)];
  const after = reportCursor.decode(query.cursor);
  if (after) {
    conditions.push(
      sql`(${leadershipProgressReports.reportedAt}, ${leadershipProgressReports.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({ report: leadershipProgressReports, reporter: users.displayName })
    .from(leadershipProgressReports)
    .leftJoin(users, eq(users.id, leadershipProgressReports.reportedBy))
    .where(and(...conditions))
    .orderBy(desc(leadershipProgressReports.reportedAt), desc(leadershipProgressReports.id))
    .limit(query.limit + 1);
  return pageOf(
    rows,
    query.limit,
    (row) => presentReport(row.report, row.reporter),
    (last) => reportCursor.encode([last.report.reportedAt.toISOString(), last.report.id]),
  );
}
