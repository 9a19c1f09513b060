import { sql, type SQL } from "drizzle-orm";
import type { Workload, WorkloadFigures, WorkloadQuery } from "@sanshe/contracts/admin-tasks";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { queryRows } from "../../../platform/db/client.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { isInScope } from "../../../platform/auth/permissions.js";
import { withinArea } from "../../../platform/scope/index.js";
import { countCommunitiesUnder, getAreaWithChildren } from "../../jurisdictions/index.js";
import { serviceMinutesUnder } from "../../needs/index.js";
import { caseSessionMinutesUnder } from "../../cases/index.js";
import { adminTaskOccurrences, adminTaskRefusals, adminTasks, adminTaskTargets, departments } from "../schema.js";

/**
 * The workload picture (figure 3-1 and beyond): how much of the communities' staff time goes to
 * administrative tasks rather than services to residents, and what departments impose on them.
 *
 * - administrative hours: occurrences (not cancelled) due in the period in the area's communities,
 *   each the minutes logged, else the task's estimate;
 * - service hours: service records (needs) and case sessions (cases) in the period in the area;
 * - tasks imposed: admitted tasks with a target in the area, active or taken back, whose period
 *   overlaps the period; a taken-back target counts until the day it was taken back;
 * - reports, inspections, meetings: occurrences (not cancelled) due in the period, by the task's kind;
 * - refused: refusals by the area's communities made in the period; taken back: targets in the area
 *   taken back in the period (days and months in Asia/Shanghai).
 *
 * A fixed number of statements whatever the number of communities: the area with its children, the
 * community count, then four aggregates (GROUP BY GROUPING SETS over the whole area, each child area,
 * each month, and for the hours each community).
 */

/** The longest period the picture covers. */
export const MAX_PERIOD_YEARS = 3;

const zone = "Asia/Shanghai";
const codeLengths = [2, 4, 6, 9, 12] as const;

/** The length of the codes one level below `code`; null for a community (it has no children here). */
function childLength(code: string): number | null {
  const index = codeLengths.indexOf(code.length as (typeof codeLengths)[number]);
  return index >= 0 && index < codeLengths.length - 1 ? (codeLengths[index + 1] ?? null) : null;
}

function addYears(date: string, years: number): string {
  const [year, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${String(year + years).padStart(4, "0")}${rest === "-02-29" ? "-03-01" : rest}`;
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Every calendar month of the period, YYYY-MM, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) {
      return months;
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * Checks the period: from ≤ to, at most MAX_PERIOD_YEARS long.
 * @throws AppError WORKLOAD_PERIOD_INVERTED, WORKLOAD_PERIOD_TOO_LONG (400).
 */
export function checkPeriod(from: string, to: string): void {
  if (to < from) {
    throw new AppError("WORKLOAD_PERIOD_INVERTED", { from, to });
  }
  if (to >= addYears(from, MAX_PERIOD_YEARS)) {
    throw new AppError("WORKLOAD_PERIOD_TOO_LONG", { years: MAX_PERIOD_YEARS });
  }
}

type Grain = "total" | "child" | "month" | "community";
type HoursRow = {
  grain: Grain;
  key: string | null;
  admin_minutes: number;
  service_minutes: number;
  reports: number;
  inspections: number;
  meetings: number;
};
type TaskRow = { grain: Grain; key: string | null; imposed: number; funded: number; unfunded: number };
type EventRow = { grain: Grain; key: string | null; refused: number; taken_back: number };
type DepartmentRow = {
  department_id: string;
  department_name: string;
  administrative_minutes: number;
  tasks_imposed: number;
  unfunded: number;
  refused: number;
};

/** The grouping-set a row belongs to and its key (child code, month or community code), as SQL columns. */
function grains(sets: { child: boolean; community: boolean }): { select: SQL; groupBy: SQL } {
  const keys = [sql`(grain_child)`, sql`(grain_month)`, ...(sets.community ? [sql`(grain_community)`] : [])];
  return {
    select: sql`CASE
        WHEN grouping(grain_child) = 0 THEN 'child'
        WHEN grouping(grain_month) = 0 THEN 'month'
        ${sets.community ? sql`WHEN grouping(grain_community) = 0 THEN 'community'` : sql``}
        ELSE 'total' END AS grain,
      coalesce(grain_child, grain_month${sets.community ? sql`, grain_community` : sql``}) AS key`,
    groupBy: sql`GROUPING SETS ((), ${sql.join(sets.child ? keys : keys.slice(1), sql`, `)})`,
  };
}

/**
 * The work done in the area over [from, to], one row per occurrence, service record or case session:
 * its area and date, administrative minutes (occurrences not cancelled: the minutes logged, else the
 * task's estimate), service minutes, and whether it is a report, an inspection or a meeting.
 */
function workEvents(area: string, from: string, to: string): SQL {
  return sql`SELECT ${adminTaskOccurrences.areaCode} AS area_code, ${adminTaskOccurrences.dueOn} AS on_date,
        coalesce(${adminTaskOccurrences.loggedMinutes}::numeric, ${adminTasks.hoursPerOccurrence} * 60) AS admin_minutes,
        0::numeric AS service_minutes,
        (${adminTasks.kind} = 'report')::int AS reports,
        (${adminTasks.kind} = 'inspection')::int AS inspections,
        (${adminTasks.kind} = 'meeting')::int AS meetings
      FROM ${adminTaskOccurrences} JOIN ${adminTasks} ON ${adminTasks.id} = ${adminTaskOccurrences.taskId}
      WHERE ${withinArea(adminTaskOccurrences.areaCode, area)}
        AND ${adminTaskOccurrences.dueOn} BETWEEN ${from}::date AND ${to}::date
        AND ${adminTaskOccurrences.status} <> 'cancelled'
      UNION ALL
      SELECT s.area_code, s.on_date, 0, s.minutes, 0, 0, 0 FROM (${serviceMinutesUnder(area, from, to)}) AS s
      UNION ALL
      SELECT c.area_code, c.on_date, 0, c.minutes, 0, 0, 0 FROM (${caseSessionMinutesUnder(area, from, to)}) AS c`;
}

/** Hours and occurrences, per area, child, month and community. */
function hoursStatement(area: string, child: number, from: string, to: string): SQL {
  const { select, groupBy } = grains({ child: true, community: true });
  return sql`WITH events AS (${workEvents(area, from, to)})
    SELECT ${select},
      sum(admin_minutes)::float8 AS admin_minutes, sum(service_minutes)::float8 AS service_minutes,
      sum(reports)::int AS reports, sum(inspections)::int AS inspections, sum(meetings)::int AS meetings
    FROM (SELECT events.*, left(area_code, ${child}::int) AS grain_child, to_char(on_date, 'YYYY-MM') AS grain_month,
            area_code::text AS grain_community FROM events) AS e
    GROUP BY ${groupBy}`;
}

/**
 * The targets of admitted tasks in the area that were imposed during the period: one row per task and
 * target community, with the days it was imposed there (until taken back) clipped to the period.
 */
function imposedTargets(area: string, from: string, to: string): SQL {
  return sql`SELECT ${adminTasks.id} AS task_id, ${adminTasks.departmentId} AS department_id,
        ${adminTaskTargets.areaCode} AS area_code, ${adminTasks.fundingFenPerCommunity} > 0 AS funded,
        greatest(${adminTasks.startsOn}, ${from}::date) AS first_day,
        least(${adminTasks.endsOn}, ${to}::date,
          CASE WHEN ${adminTaskTargets.status} = 'taken_back' THEN (${adminTaskTargets.takenBackAt} AT TIME ZONE ${zone})::date END) AS last_day
      FROM ${adminTaskTargets} JOIN ${adminTasks} ON ${adminTasks.id} = ${adminTaskTargets.taskId}
      WHERE ${withinArea(adminTaskTargets.areaCode, area)}
        AND ${adminTaskTargets.status} IN ('active', 'taken_back')
        AND ${adminTasks.status} = 'admitted'
        AND ${adminTasks.startsOn} <= ${to}::date AND ${adminTasks.endsOn} >= ${from}::date`;
}

/** Distinct tasks imposed (funded, unfunded), per area, child and month. */
function tasksStatement(area: string, child: number, from: string, to: string): SQL {
  const { select, groupBy } = grains({ child: true, community: false });
  return sql`WITH imposed AS (SELECT * FROM (${imposedTargets(area, from, to)}) AS i WHERE first_day <= last_day),
      months AS (
        SELECT m::date AS month_start, (m + interval '1 month' - interval '1 day')::date AS month_end
        FROM generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') AS m
      )
    SELECT ${select},
      count(DISTINCT task_id)::int AS imposed,
      count(DISTINCT task_id) FILTER (WHERE funded)::int AS funded,
      count(DISTINCT task_id) FILTER (WHERE NOT funded)::int AS unfunded
    FROM (SELECT imposed.*, left(area_code, ${child}::int) AS grain_child, to_char(month_start, 'YYYY-MM') AS grain_month
          FROM imposed JOIN months ON first_day <= month_end AND last_day >= month_start) AS e
    GROUP BY ${groupBy}`;
}

/** Refusals and take-backs in the period, per area, child and month. */
function eventsStatement(area: string, child: number, since: string, until: string): SQL {
  const { select, groupBy } = grains({ child: true, community: false });
  return sql`WITH events AS (
      SELECT ${adminTaskRefusals.areaCode} AS area_code, ${adminTaskRefusals.createdAt} AS happened_at, 1 AS refused, 0 AS taken_back
      FROM ${adminTaskRefusals}
      WHERE ${withinArea(adminTaskRefusals.areaCode, area)}
        AND ${adminTaskRefusals.createdAt} >= ${since}::timestamptz AND ${adminTaskRefusals.createdAt} < ${until}::timestamptz
      UNION ALL
      SELECT ${adminTaskTargets.areaCode}, ${adminTaskTargets.takenBackAt}, 0, 1
      FROM ${adminTaskTargets}
      WHERE ${withinArea(adminTaskTargets.areaCode, area)}
        AND ${adminTaskTargets.takenBackAt} >= ${since}::timestamptz AND ${adminTaskTargets.takenBackAt} < ${until}::timestamptz
    )
    SELECT ${select}, sum(refused)::int AS refused, sum(taken_back)::int AS taken_back
    FROM (SELECT events.*, left(area_code, ${child}::int) AS grain_child, to_char(happened_at AT TIME ZONE ${zone}, 'YYYY-MM') AS grain_month
          FROM events) AS e
    GROUP BY ${groupBy}`;
}

/** The ten departments imposing the most administrative hours in the area, with their tasks and refusals. */
function departmentsStatement(area: string, from: string, to: string, since: string, until: string): SQL {
  return sql`WITH contributions AS (
      SELECT ${adminTasks.departmentId} AS department_id,
        coalesce(${adminTaskOccurrences.loggedMinutes}::numeric, ${adminTasks.hoursPerOccurrence} * 60) AS minutes,
        NULL::uuid AS task_id, false AS unfunded, 0 AS refused
      FROM ${adminTaskOccurrences} JOIN ${adminTasks} ON ${adminTasks.id} = ${adminTaskOccurrences.taskId}
      WHERE ${withinArea(adminTaskOccurrences.areaCode, area)}
        AND ${adminTaskOccurrences.dueOn} BETWEEN ${from}::date AND ${to}::date
        AND ${adminTaskOccurrences.status} <> 'cancelled'
      UNION ALL
      SELECT department_id, 0, task_id, NOT funded, 0 FROM (${imposedTargets(area, from, to)}) AS i WHERE first_day <= last_day
      UNION ALL
      SELECT ${adminTaskRefusals.departmentId}, 0, NULL, false, 1
      FROM ${adminTaskRefusals}
      WHERE ${withinArea(adminTaskRefusals.areaCode, area)}
        AND ${adminTaskRefusals.createdAt} >= ${since}::timestamptz AND ${adminTaskRefusals.createdAt} < ${until}::timestamptz
    )
    SELECT c.department_id, ${departments.name} AS department_name,
      sum(c.minutes)::float8 AS administrative_minutes,
      count(DISTINCT c.task_id)::int AS tasks_imposed,
      count(DISTINCT c.task_id) FILTER (WHERE c.unfunded)::int AS unfunded,
      sum(c.refused)::int AS refused
    FROM contributions AS c JOIN ${departments} ON ${departments.id} = c.department_id
    GROUP BY c.department_id, ${departments.name}
    ORDER BY administrative_minutes DESC, tasks_imposed DESC, refused DESC, ${departments.name}, c.department_id
    LIMIT 10`;
}

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

function figures(hoursRow: HoursRow | undefined, taskRow: TaskRow | undefined, eventRow: EventRow | undefined): WorkloadFigures {
  const admin = Number(hoursRow?.admin_minutes ?? 0);
  const service = Number(hoursRow?.service_minutes ?? 0);
  return {
    administrative_hours: hours(admin),
    service_hours: hours(service),
    administrative_share: admin + service > 0 ? admin / (admin + service) : 0,
    tasks_imposed: taskRow?.imposed ?? 0,
    reports: hoursRow?.reports ?? 0,
    inspections: hoursRow?.inspections ?? 0,
    meetings: hoursRow?.meetings ?? 0,
    funded: taskRow?.funded ?? 0,
    unfunded: taskRow?.unfunded ?? 0,
    refused: eventRow?.refused ?? 0,
    taken_back: eventRow?.taken_back ?? 0,
  };
}

function byGrain<R extends { grain: Grain; key: string | null }>(rows: readonly R[], grain: Grain): Map<string, R> {
  return new Map(rows.filter((row) => row.grain === grain).map((row) => [row.key ?? "", row]));
}

/**
 * The workload picture of an area in the caller's workload.read scope over [from, to]: its figures,
 * one row per child area (none for a community), one per calendar month, the figure-3-1 histogram
 * (communities with no administrative or service hours at all in the period are left out: no share
 * can be told for them) and the ten departments imposing the most hours.
 * @throws AppError WORKLOAD_PERIOD_INVERTED, WORKLOAD_PERIOD_TOO_LONG (400); NOT_FOUND for an area
 *   unknown or outside the scope.
 */
export async function getWorkload(ctx: ActorCtx, query: WorkloadQuery): Promise<Workload> {
  const { area: code, from, to } = query;
  checkPeriod(from, to);
  if (!isInScope(code, ctx.actor.scope("workload.read"))) {
    throw notFound();
  }
  const { area, children } = await getAreaWithChildren(ctx, code);
  if (!area) {
    throw notFound();
  }
  const child = childLength(code) ?? code.length;
  const since = `${from}T00:00:00+08:00`;
  const until = `${nextDay(to)}T00:00:00+08:00`;
  const [communities, hoursRows, taskRows, eventRows, departmentRows] = await Promise.all([
    countCommunitiesUnder(ctx, code),
    queryRows<HoursRow>(ctx.db, hoursStatement(code, child, from, to)),
    queryRows<TaskRow>(ctx.db, tasksStatement(code, child, from, to)),
    queryRows<EventRow>(ctx.db, eventsStatement(code, child, since, until)),
    queryRows<DepartmentRow>(ctx.db, departmentsStatement(code, from, to, since, until)),
  ]);
  const pick = (grain: Grain) => ({ hours: byGrain(hoursRows, grain), tasks: byGrain(taskRows, grain), events: byGrain(eventRows, grain) });
  const total = pick("total");
  const perChild = pick("child");
  const perMonth = pick("month");
  const bands = Array.from({ length: 10 }, () => 0);
  for (const row of hoursRows) {
    const admin = Number(row.admin_minutes);
    const service = Number(row.service_minutes);
    if (row.grain !== "community" || row.key?.length !== 12 || admin + service <= 0) {
      continue;
    }
    const band = Math.min(9, Math.floor((admin / (admin + service)) * 10));
    bands[band] = (bands[band] ?? 0) + 1;
  }
  return {
    area_code: area.code,
    area_name: area.name,
    from,
    to,
    communities,
    ...figures(total.hours.get(""), total.tasks.get(""), total.events.get("")),
    children: children.map((node) => ({
      area_code: node.code,
      area_name: node.name,
      ...figures(perChild.hours.get(node.code), perChild.tasks.get(node.code), perChild.events.get(node.code)),
    })),
    by_month: monthsOf(from, to).map((month) => ({
      month,
      ...figures(perMonth.hours.get(month), perMonth.tasks.get(month), perMonth.events.get(month)),
    })),
    histogram: bands.map((count, index) => ({
      band: `${(index / 10).toFixed(1)}-${((index + 1) / 10).toFixed(1)}`,
      from: index / 10,
      to: (index + 1) / 10,
      communities: count,
    })),
    departments: departmentRows.map((row) => ({
      department_id: row.department_id,
      department_name: row.department_name,
      tasks_imposed: row.tasks_imposed,
      unfunded: row.unfunded,
      refused: row.refused,
      administrative_hours: hours(Number(row.administrative_minutes)),
    })),
  };
}

/**
 * The administrative share (0–1) of the staff time of the communities under `areaCode` over
 * [from, to] (calendar dates): administrative minutes / (administrative + service minutes), counted
 * as in the workload picture. Null when the area has no administrative or service minutes in the
 * period (no share can be told), so a plan without data shows no value rather than 0 %. One
 * statement. No scope check: for other modules whose caller has already checked what it reads (the
 * leadership module, for a plan the actor may read).
 */
export async function administrativeShareUnder(ctx: Ctx, areaCode: string, from: string, to: string): Promise<number | null> {
  const [row] = await queryRows<{ admin_minutes: number | null; service_minutes: number | null }>(
    ctx.db,
    sql`SELECT sum(admin_minutes)::float8 AS admin_minutes, sum(service_minutes)::float8 AS service_minutes
      FROM (${workEvents(areaCode, from, to)}) AS e`,
  );
  const admin = Number(row?.admin_minutes ?? 0);
  const service = Number(row?.service_minutes ?? 0);
  return admin + service > 0 ? admin / (admin + service) : null;
}
