import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { memberships, users } from "../../platform/auth/index.js";
import { escalationJob, sweepEscalations, type EscalationBatch, type EscalationResult } from "../../platform/jobs/escalation-sweep.js";
import { notify } from "../notifications/index.js";
import { latestReports, valuesFor } from "./queries.js";
import type { IndicatorValues } from "./indicators.js";
import { evaluateTarget, isComputed, localDate, parentArea } from "./policy.js";
import { leadershipPlans, leadershipPlanTargets } from "./schema.js";

/** One sweeper at a time across servers (the conditional UPDATE of escalated_at is the final guard). */
const escalationLockKey = 74616020;

async function escalateBatch(tx: Ctx, batchSize: number): Promise<EscalationBatch> {
  const now = tx.now();
  const today = localDate(now);
  const candidates = await tx.db
    .select({ target: leadershipPlanTargets, planTitle: leadershipPlans.title, year: leadershipPlans.year })
    .from(leadershipPlanTargets)
    .innerJoin(leadershipPlans, eq(leadershipPlans.id, leadershipPlanTargets.planId))
    .where(
      and(
        isNull(leadershipPlanTargets.escalatedAt),
        sql`${leadershipPlanTargets.dueOn} < ${today}::date`,
        eq(leadershipPlans.status, "published"),
      ),
    )
    .orderBy(asc(leadershipPlanTargets.dueOn), asc(leadershipPlanTargets.id))
    .limit(batchSize);
  if (candidates.length === 0) {
    return { escalated: 0, notifications: 0, full: false };
  }
  // Achieved targets are not overdue: their current values, once per plan and once per target.
  const latest = await latestReports(
    tx,
    candidates.map((c) => c.target.id),
  );
  const valuesByPlan = new Map<string, IndicatorValues>();
  for (const candidate of candidates.filter((c) => isComputed(c.target.indicator))) {
    const { planId, areaCode } = candidate.target;
    if (!valuesByPlan.has(planId)) {
      valuesByPlan.set(
        planId,
        await valuesFor(
          tx,
          { areaCode, year: candidate.year },
          candidates.filter((c) => c.target.planId === planId).map((c) => c.target),
        ),
      );
    }
  }
  const overdue = candidates.filter(({ target }) => {
    const current = isComputed(target.indicator)
      ? (valuesByPlan.get(target.planId)?.[target.indicator] ?? null)
      : (latest.get(target.id)?.value ?? null);
    return evaluateTarget(target, current, today).status === "overdue";
  });
  // Officials of each plan's area and of the level above, in one query.
  const areas = [
    ...new Set(overdue.flatMap(({ target }) => [target.areaCode, parentArea(target.areaCode)].filter((a): a is string => !!a))),
  ];
  const officials =
    areas.length === 0
      ? []
      : await tx.db
          .selectDistinct({ userId: memberships.userId, areaCode: memberships.areaCode })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.role, "official"), inArray(memberships.areaCode, areas), eq(users.status, "active")));
  let escalated = 0;
  let sent = 0;
  for (const { target, planTitle } of overdue) {
    const [marked] = await tx.db
      .update(leadershipPlanTargets)
      .set({ escalatedAt: now })
      .where(and(eq(leadershipPlanTargets.id, target.id), isNull(leadershipPlanTargets.escalatedAt)))
      .returning({ id: leadershipPlanTargets.id });
    if (!marked) {
      continue;
    }
    const parent = parentArea(target.areaCode);
    const recipients = officials.filter((o) => o.areaCode === target.areaCode || o.areaCode === parent).map((o) => o.userId);
    await tx.audit.record("leadership.target_escalate", {
      entityType: "leadership_plan_target",
      entityId: target.id,
      areaCode: target.areaCode,
      detail: { due_on: target.dueOn, recipients: new Set(recipients).size },
    });
    sent += await notify(tx, {
      recipients,
      areaCode: target.areaCode,
      kind: "plan_target_escalated",
      title: `实施方案目标逾期：${target.title}`,
      body: `「${planTitle}」的目标「${target.title}」（责任单位：${target.ownerName}）应于 ${target.dueOn} 前完成，至今未完成，已督办。`,
      link: `/plans/${target.planId}`,
    });
    escalated += 1;
  }
  // Candidates that were achieved stay unescalated; the batch counts as full only when every row escalated.
  return { escalated, notifications: sent, full: candidates.length === batchSize && overdue.length === candidates.length };
}

/**
 * Escalates every target of a published plan that is past its due date (a local date) and not
 * achieved, once: escalated_at is set, the officials of the plan's area and of the level above are
 * notified, and an audit record is written. Safe to run repeatedly and on several servers.
 */
export async function escalateOverdueTargets(ctx: Ctx, options: { batchSize?: number } = {}): Promise<EscalationResult> {
  const batchSize = options.batchSize ?? 200;
  return sweepEscalations(ctx, escalationLockKey, (tx) => escalateBatch(tx, batchSize));
}

/** The job (phase escalate; also `sanshe leadership escalate`). */
export const escalateTargetsJob = escalationJob({
  name: "leadership escalate",
  description: "escalate overdue targets of published plans to the plan's officials and the level above (once)",
  things: "plan targets",
  escalate: (ctx) => escalateOverdueTargets(ctx),
});
