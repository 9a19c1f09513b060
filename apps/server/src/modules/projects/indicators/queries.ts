import { sql } from "drizzle-orm";
import type { ProjectIndicators, ProjectIndicatorsQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { isInScope } from "../../../platform/auth/permissions.js";
import { withinArea } from "../../../platform/scope/index.js";
import { getAreaWithChildren } from "../../jurisdictions/index.js";
import { organizationIdsUnder } from "../../social-orgs/index.js";
import { applications, calls, fundingLedger, milestones, projectContracts, projectEvaluations } from "../schema.js";

/**
 * Indicators of government purchase of services for one jurisdiction, in six statements whatever the
 * number of child areas: money by purchase mode and child area, organizations' participation (图3-2),
 * funding structure (图3-5), evaluation scores and grades, and milestones met on time. Read by holders
 * of projects.read or needs.dashboard (evaluators) over the area.
 */

const codeLengths = [2, 4, 6, 9, 12] as const;
const modes = ["venture", "directed", "commissioned"] as const;
const sources = ["gov_purchase", "gov_subsidy", "self_income", "donation", "corporate", "resident", "foundation"] as const;
const grades = ["excellent", "good", "pass", "fail"] as const;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
const num = (value: unknown) => Number(value ?? 0);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** The union of the actor's projects.read and needs.dashboard scopes. */
function scopeOf(ctx: ActorCtx): string[] {
  return [...ctx.actor.scope("projects.read"), ...ctx.actor.scope("needs.dashboard")];
}

type MoneyRow = { key: string; calls: unknown; budget: unknown; awarded: unknown; contracted: unknown; paid: unknown };
const money = (row: MoneyRow | undefined) => ({
  calls: num(row?.calls),
  budget_fen: num(row?.budget),
  awarded_fen: num(row?.awarded),
  contracted_fen: num(row?.contracted),
  paid_fen: num(row?.paid),
});

export async function getProjectIndicators(ctx: ActorCtx, query: ProjectIndicatorsQuery): Promise<ProjectIndicators> {
  const scope = scopeOf(ctx);
  const code = query.area ?? [...scope].sort((a, b) => a.length - b.length)[0];
  if (!code || !isInScope(code, scope)) {
    throw notFound();
  }
  const childLength = codeLengths.find((length) => length > code.length) ?? 12;
  const now = ctx.now();
  const threeYearsAgo = new Date(now.getTime());
  threeYearsAgo.setUTCFullYear(threeYearsAgo.getUTCFullYear() - 3);
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const since = threeYearsAgo.toISOString();

  // Per call: its budget, awarded and contracted amounts and payments; grouped by mode or by child area.
  const perCall = sql`
    SELECT c.mode, substr(c.area_code, 1, ${childLength}) AS child, c.total_budget_fen AS budget,
           (SELECT coalesce(sum(a.requested_fen), 0) FROM ${applications} AS a WHERE a.call_id = c.id AND a.status = 'awarded') AS awarded,
           (SELECT coalesce(sum(pc.amount_fen), 0) FROM ${projectContracts} AS pc WHERE pc.call_id = c.id) AS contracted,
           (SELECT coalesce(sum(pc.paid_fen), 0) FROM ${projectContracts} AS pc WHERE pc.call_id = c.id) AS paid
    FROM ${calls} AS c WHERE ${withinArea(sql`c.area_code`, code)} AND c.status <> 'draft'`;
  const sums = sql`count(*) AS calls, sum(budget) AS budget, sum(awarded) AS awarded, sum(contracted) AS contracted, sum(paid) AS paid`;

  const [tree, modeRows, childRows, orgRows, fundingRows, evaluationRows] = await Promise.all([
    getAreaWithChildren(ctx, code),
    ctx.db.execute(sql`SELECT p.mode AS key, ${sums} FROM (${perCall}) AS p GROUP BY p.mode`),
    ctx.db.execute(sql`SELECT p.child AS key, ${sums} FROM (${perCall}) AS p GROUP BY p.child`),
    ctx.db.execute(sql`
      SELECT count(*) AS active_orgs,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${projectContracts} AS pc
               WHERE pc.org_id = o.id AND pc.signed_at >= ${since}::timestamptz)) AS with_contract
      FROM (${organizationIdsUnder(code, { activeOnly: true })}) AS o`),
    ctx.db.execute(sql`
      SELECT l.source, sum(l.amount_fen) AS amount
      FROM ${fundingLedger} AS l
      WHERE l.org_id IN (${organizationIdsUnder(code)}) AND l.direction = 'in' AND l.paid_on >= ${since.slice(0, 10)}::date
      GROUP BY l.source`),
    ctx.db.execute(sql`
      SELECT 'evaluation' AS kind, e.grade AS key, count(*) AS count, sum(e.total_score) AS total
      FROM ${projectEvaluations} AS e WHERE ${withinArea(sql`e.area_code`, code)} AND e.completed_at IS NOT NULL GROUP BY e.grade
      UNION ALL
      SELECT 'milestones', NULL, count(*),
             count(*) FILTER (WHERE m.status = 'accepted' AND (m.accepted_at AT TIME ZONE 'Asia/Shanghai')::date <= m.due_on)
      FROM ${milestones} AS m WHERE ${withinArea(sql`m.area_code`, code)} AND m.due_on <= ${today}::date`),
  ]);

  const self = tree.area;
  if (!self) {
    throw notFound();
  }
  const byMode = rowsOf<MoneyRow>(modeRows);
  const byChild = new Map(rowsOf<MoneyRow>(childRows).map((row) => [row.key, row]));
  const org = rowsOf<{ active_orgs: unknown; with_contract: unknown }>(orgRows)[0];
  const activeOrgs = num(org?.active_orgs);
  const withContract = num(org?.with_contract);
  const funding = new Map(rowsOf<{ source: string; amount: unknown }>(fundingRows).map((row) => [row.source, num(row.amount)]));
  const fundingTotal = [...funding.values()].reduce((sum, amount) => sum + amount, 0);
  const facts = rowsOf<{ kind: string; key: string | null; count: unknown; total: unknown }>(evaluationRows);
  const evaluations = facts.filter((row) => row.kind === "evaluation");
  const evaluated = evaluations.reduce((sum, row) => sum + num(row.count), 0);
  const scoreSum = evaluations.reduce((sum, row) => sum + num(row.total), 0);
  const due = facts.find((row) => row.kind === "milestones");
  const dueCount = num(due?.count);
  const onTime = num(due?.total);
  const modeMoney = modes.map((mode) => ({ mode, ...money(byMode.find((row) => row.key === mode)) }));
  const sum = (key: keyof ReturnType<typeof money>) => modeMoney.reduce((total, row) => total + row[key], 0);

  return {
    area: { code: self.code, name: self.name, level: self.level },
    generated_at: now.toISOString(),
    totals: {
      calls: sum("calls"),
      budget_fen: sum("budget_fen"),
      awarded_fen: sum("awarded_fen"),
      contracted_fen: sum("contracted_fen"),
      paid_fen: sum("paid_fen"),
    },
    by_mode: modeMoney,
    org_participation: { active_orgs: activeOrgs, with_contract: withContract, share: share(withContract, activeOrgs) },
    funding_by_source: sources.map((source) => ({
      source,
      amount_fen: funding.get(source) ?? 0,
      share: share(funding.get(source) ?? 0, fundingTotal),
    })),
    evaluations: {
      evaluated,
      average_score: evaluated > 0 ? Math.round((scoreSum / evaluated) * 100) / 100 : null,
      by_grade: grades.map((grade) => ({ grade, count: num(evaluations.find((row) => row.key === grade)?.count) })),
    },
    milestones: { due: dueCount, on_time: onTime, share: share(onTime, dueCount) },
    children: tree.children.map((child) => ({
      code: child.code,
      name: child.name,
      level: child.level,
      ...money(byChild.get(child.code)),
    })),
  };
}
