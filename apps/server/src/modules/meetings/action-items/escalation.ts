import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { memberships, users } from "../../../platform/auth/index.js";
import { sweepEscalations, type EscalationBatch, type EscalationResult } from "../../../platform/jobs/escalation-sweep.js";
import { notify } from "../../notifications/index.js";
import { actionItemEscalations, actionItems, meetings } from "../schema.js";
import { todayIn } from "./policy.js";

/** One sweeper at a time across servers (the unique index on action_item_id is the final guard). */
const escalationLockKey = 74616011;

export type ActionItemEscalationResult = EscalationResult;

type Candidate = {
  id: string;
  areaCode: string;
  ownerKind: "organization" | "community" | "department";
  ownerOrganizationId: string | null;
  ownerCommunityCode: string | null;
  ownerUserId: string;
  dueOn: string;
  expectedResult: string;
  meetingTitle: string;
};

/**
 * Managers and street officials to tell about the candidates, in one query: the other staff of the
 * owner organization (org_staff), the community's staff for a community owner, and the officials of
 * the street the meeting belongs to.
 */
async function recipientsOf(
  ctx: Ctx,
  candidates: Candidate[],
): Promise<Array<{ userId: string; role: string; areaCode: string; organizationId: string | null }>> {
  const orgs = [...new Set(candidates.map((c) => c.ownerOrganizationId).filter((id): id is string => Boolean(id)))];
  const areas = [
    ...new Set([
      ...candidates.map((c) => c.areaCode.slice(0, 9)),
      ...candidates.map((c) => c.ownerCommunityCode).filter((code): code is string => Boolean(code)),
    ]),
  ];
  const branches: SQL[] = [and(inArray(memberships.role, ["official", "community_staff"]), inArray(memberships.areaCode, areas)) as SQL];
  if (orgs.length > 0) {
    branches.push(and(eq(memberships.role, "org_staff"), inArray(memberships.organizationId, orgs)) as SQL);
  }
  return ctx.db
    .selectDistinct({
      userId: memberships.userId,
      role: memberships.role,
      areaCode: memberships.areaCode,
      organizationId: memberships.organizationId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(or(...branches), eq(users.status, "active")));
}

async function escalateBatch(tx: Ctx, batchSize: number): Promise<EscalationBatch> {
  const now = tx.now();
  const candidates: Candidate[] = await tx.db
    .select({
      id: actionItems.id,
      areaCode: actionItems.areaCode,
      ownerKind: actionItems.ownerKind,
      ownerOrganizationId: actionItems.ownerOrganizationId,
      ownerCommunityCode: actionItems.ownerCommunityCode,
      ownerUserId: actionItems.ownerUserId,
      dueOn: actionItems.dueOn,
      expectedResult: actionItems.expectedResult,
      meetingTitle: meetings.title,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .leftJoin(actionItemEscalations, eq(actionItemEscalations.actionItemId, actionItems.id))
    .where(and(eq(actionItems.status, "open"), sql`${actionItems.dueOn} < ${todayIn(tx)}::date`, isNull(actionItemEscalations.id)))
    .orderBy(asc(actionItems.areaCode), asc(actionItems.id))
    .limit(batchSize);
  if (candidates.length === 0) {
    return { escalated: 0, notifications: 0, full: false };
  }
  const people = await recipientsOf(tx, candidates);
  let escalated = 0;
  let sent = 0;
  for (const item of candidates) {
    const street = item.areaCode.slice(0, 9);
    const recipients = people
      .filter(
        (p) =>
          p.userId !== item.ownerUserId &&
          ((p.role === "official" && p.areaCode === street) ||
            (item.ownerKind === "community" && p.role === "community_staff" && p.areaCode === item.ownerCommunityCode) ||
            (item.ownerKind === "organization" && p.role === "org_staff" && p.organizationId === item.ownerOrganizationId)),
      )
      .map((p) => p.userId);
    const [inserted] = await tx.db
      .insert(actionItemEscalations)
      .values({
        areaCode: item.areaCode,
        actionItemId: item.id,
        dueOn: item.dueOn,
        escalatedAt: now,
        recipients: new Set(recipients).size,
      })
      .onConflictDoNothing()
      .returning({ id: actionItemEscalations.id });
    if (!inserted) {
      continue;
    }
    await tx.audit.record("action_items.escalate", {
      entityType: "action_item",
      entityId: item.id,
      areaCode: item.areaCode,
      detail: { due_on: item.dueOn, recipients: new Set(recipients).size },
    });
    sent += await notify(tx, {
      recipients,
      areaCode: item.areaCode,
      kind: "action_item_escalated",
      title: `督办事项逾期：${item.meetingTitle}`,
      body: `联席会议「${item.meetingTitle}」的督办事项「${item.expectedResult}」应于 ${item.dueOn} 前办结，至今未办结，已督办。`,
      link: `/action-items/${item.id}`,
    });
    escalated += 1;
  }
  return { escalated, notifications: sent, full: candidates.length === batchSize };
}

/**
 * Escalates every open action item past its due date (a local date, Asia/Shanghai) once: a
 * notification to the owner's manager (the other staff of the owner organization, or the owner
 * community's staff) and the street officials of the meeting's area, and an audit record. Safe to run
 * repeatedly and on several servers (advisory lock + unique index).
 */
export async function escalateOverdueActionItems(ctx: Ctx, options: { batchSize?: number } = {}): Promise<ActionItemEscalationResult> {
  const batchSize = options.batchSize ?? 200;
  return sweepEscalations(ctx, escalationLockKey, (tx) => escalateBatch(tx, batchSize));
}
