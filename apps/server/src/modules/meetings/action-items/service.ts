import { eq, sql } from "drizzle-orm";
import { and, inArray } from "drizzle-orm";
import type {
  ActionItem,
  ActionItemCreate,
  ActionItemDone,
  ActionItemReturn,
  ActionItemTransition,
  ProgressCreate,
} from "@sanshe/contracts";
import { memberships } from "../../../platform/auth/index.js";
import { getDepartments } from "../../admin-tasks/index.js";
import { withTx, type ActorCtx, type Ctx } from "../../../platform/ctx.js";
import { AppError, forbidden, versionConflict } from "../../../platform/errors/app-error.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { referralAreasIn, serviceRecordAreasIn } from "../../needs/index.js";
import { notify } from "../../notifications/index.js";
import { actionItems, actionItemUpdates, meetings, type ActionItemRow, type MeetingRow } from "../schema.js";
import { fieldError } from "../errors.js";
import { activeUsers } from "../queries.js";
import { findActionItemForUpdate, getActionItem } from "./queries.js";

/**
 * Owners of new action items: active users, known organizations, communities in the meeting's area,
 * and (street meetings only) government departments at or above the street whose account the owner
 * person is. @throws AppError VALIDATION_FAILED (OWNER_UNKNOWN, OWNER_COMMUNITY_OUTSIDE, OWNER_DEPARTMENT_OUTSIDE)
 */
export async function checkOwners(tx: Ctx, row: MeetingRow, items: readonly ActionItemCreate[]): Promise<void> {
  const departmentIds = items
    .filter((item) => item.owner_kind === "department" && item.owner_department_id)
    .map((item) => item.owner_department_id as string);
  const departments = await getDepartments(tx, departmentIds);
  const departmentStaff = departmentIds.length
    ? await tx.db
        .select({ userId: memberships.userId, departmentId: memberships.organizationId })
        .from(memberships)
        .where(and(eq(memberships.role, "department"), inArray(memberships.organizationId, departmentIds)))
    : [];
  const staffOf = new Set(departmentStaff.map((m) => `${m.departmentId}:${m.userId}`));
  const people = await activeUsers(
    tx,
    items.map((item) => item.owner_user_id),
  );
  const orgs = await getOrganizations(
    tx,
    items.filter((item) => item.owner_organization_id).map((item) => item.owner_organization_id as string),
  );
  items.forEach((item, index) => {
    const path = `body.action_items.${index}`;
    if (!people.has(item.owner_user_id)) {
      throw fieldError(tx, `${path}.owner_user_id`, "OWNER_UNKNOWN");
    }
    if (item.owner_kind === "organization" && !orgs.has(item.owner_organization_id ?? "")) {
      throw fieldError(tx, `${path}.owner_organization_id`, "OWNER_UNKNOWN");
    }
    if (
      item.owner_kind === "community" &&
      (!item.owner_community_code || item.owner_community_code.length !== 12 || !item.owner_community_code.startsWith(row.areaCode))
    ) {
      throw fieldError(tx, `${path}.owner_community_code`, "OWNER_COMMUNITY_OUTSIDE");
    }
    if (item.owner_kind === "department") {
      const department = departments.get(item.owner_department_id ?? "");
      // a street meeting may hand an item to a department of its street, district or city
      if (row.areaCode.length !== 9 || !department || !row.areaCode.startsWith(department.area_code)) {
        throw fieldError(tx, `${path}.owner_department_id`, "OWNER_DEPARTMENT_OUTSIDE");
      }
      if (!staffOf.has(`${department.id}:${item.owner_user_id}`)) {
        throw fieldError(tx, `${path}.owner_user_id`, "OWNER_NOT_IN_UNIT");
      }
    }
  });
}

/**
 * Creates the action items (督办事项) of a resolution just recorded on a meeting and notifies each
 * owner. Check the owners first (checkOwners).
 */
export async function createActionItems(
  tx: ActorCtx,
  row: MeetingRow,
  resolutionId: string,
  resolutionText: string,
  inputs: readonly ActionItemCreate[],
): Promise<Array<{ id: string }>> {
  const items = inputs.length
    ? await tx.db
        .insert(actionItems)
        .values(
          inputs.map((item) => ({
            areaCode: row.areaCode,
            meetingId: row.id,
            resolutionId,
            ownerKind: item.owner_kind,
            ownerOrganizationId: item.owner_kind === "organization" ? (item.owner_organization_id ?? null) : null,
            ownerCommunityCode: item.owner_kind === "community" ? (item.owner_community_code ?? null) : null,
            ownerDepartmentId: item.owner_kind === "department" ? (item.owner_department_id ?? null) : null,
            ownerUserId: item.owner_user_id,
            dueOn: item.due_on,
            expectedResult: item.expected_result,
            createdAt: tx.now(),
            updatedAt: tx.now(),
          })),
        )
        .returning({ id: actionItems.id, ownerUserId: actionItems.ownerUserId, dueOn: actionItems.dueOn })
    : [];
  for (const item of items) {
    await notify(tx, {
      recipients: [item.ownerUserId],
      areaCode: row.areaCode,
      kind: "action_item_assigned",
      title: `督办事项：${row.title}`,
      body: `联席会议「${row.title}」决议：${resolutionText}。请于 ${item.dueOn} 前办结并在平台上报告进展。`,
      link: `/action-items/${item.id}`,
    });
  }
  return items;
}

function actionItemState(status: ActionItemRow["status"]): AppError {
  return new AppError("ACTION_ITEM_STATE", { status });
}

/** The action item locked for its owner (403 for other readers), at the version read, still open. */
async function ownedItem(tx: ActorCtx, id: string, version?: number): Promise<ActionItemRow> {
  const { row } = await findActionItemForUpdate(tx, id);
  if (row.ownerUserId !== tx.actor.userId || !tx.actor.can("action_items.handle")) {
    throw forbidden();
  }
  if (version !== undefined && row.version !== version) {
    throw versionConflict(await getActionItem(tx, id));
  }
  if (row.status !== "open") {
    throw actionItemState(row.status);
  }
  return row;
}

/** The action item locked for its meeting's convener (403 for other readers), at the version read, done. */
async function reviewedItem(tx: ActorCtx, id: string, version: number): Promise<ActionItemRow> {
  const { row, convenerId } = await findActionItemForUpdate(tx, id);
  if (convenerId !== tx.actor.userId) {
    throw forbidden();
  }
  if (row.version !== version) {
    throw versionConflict(await getActionItem(tx, id));
  }
  if (row.status !== "done") {
    throw actionItemState(row.status);
  }
  return row;
}

async function transition(
  tx: ActorCtx,
  row: ActionItemRow,
  values: Partial<typeof actionItems.$inferInsert>,
  update: {
    kind: "progress" | "done" | "accepted" | "returned";
    text: string;
    referralId?: string | null;
    serviceRecordId?: string | null;
  },
): Promise<void> {
  await tx.db
    .update(actionItems)
    .set({ ...values, version: sql`${actionItems.version} + 1`, updatedAt: tx.now() })
    .where(eq(actionItems.id, row.id));
  await tx.db.insert(actionItemUpdates).values({
    areaCode: row.areaCode,
    actionItemId: row.id,
    kind: update.kind,
    text: update.text,
    referralId: update.referralId ?? null,
    serviceRecordId: update.serviceRecordId ?? null,
    authorId: tx.actor.userId,
    createdAt: tx.now(),
  });
  await tx.audit.record(`action_items.${update.kind}`, {
    entityType: "action_item",
    entityId: row.id,
    areaCode: row.areaCode,
    detail: { from: row.status, to: values.status ?? row.status },
  });
}

/**
 * The owner reports progress with evidence: text and optionally a referral or service record of the
 * meeting's area. Does not change the version (progress is appended, not edited).
 */
export async function addProgress(ctx: ActorCtx, id: string, input: ProgressCreate): Promise<ActionItem> {
  return withTx(ctx, async (tx) => {
    const row = await ownedItem(tx, id);
    if (input.referral_id && !(await referralAreasIn(tx, [input.referral_id], [row.areaCode])).has(input.referral_id)) {
      throw fieldError(tx, "body.referral_id", "EVIDENCE_OUTSIDE");
    }
    if (
      input.service_record_id &&
      !(await serviceRecordAreasIn(tx, [input.service_record_id], [row.areaCode])).has(input.service_record_id)
    ) {
      throw fieldError(tx, "body.service_record_id", "EVIDENCE_OUTSIDE");
    }
    await tx.db.insert(actionItemUpdates).values({
      areaCode: row.areaCode,
      actionItemId: row.id,
      kind: "progress",
      text: input.text,
      referralId: input.referral_id ?? null,
      serviceRecordId: input.service_record_id ?? null,
      authorId: tx.actor.userId,
      createdAt: tx.now(),
    });
    await tx.db.update(actionItems).set({ updatedAt: tx.now() }).where(eq(actionItems.id, row.id));
    await tx.audit.record("action_items.progress", { entityType: "action_item", entityId: row.id, areaCode: row.areaCode });
    return getActionItem(tx, id);
  });
}

/**
 * The owner marks the item done (报办结) with a completion note, kept in its history and shown as
 * done_note; the convener is told to accept it or send it back.
 */
export async function markActionItemDone(ctx: ActorCtx, id: string, input: ActionItemDone): Promise<ActionItem> {
  return withTx(ctx, async (tx) => {
    const row = await ownedItem(tx, id, input.version);
    await transition(tx, row, { status: "done", doneAt: tx.now() }, { kind: "done", text: input.note?.trim() ?? "" });
    const item = await getActionItem(tx, id);
    const [meeting] = await tx.db.select({ convenerId: meetings.convenerId }).from(meetings).where(eq(meetings.id, row.meetingId));
    await notify(tx, {
      recipients: meeting ? [meeting.convenerId] : [],
      areaCode: row.areaCode,
      kind: "action_item_done",
      title: `督办事项已报办结：${item.meeting_title}`,
      body: `${item.owner_unit_name ?? ""}${item.owner_user_name ?? ""}报告「${row.expectedResult}」已办结，请验收或退回。`,
      link: `/action-items/${row.id}`,
    });
    return item;
  });
}

/** The convener accepts a done item: closed. */
export async function acceptActionItem(ctx: ActorCtx, id: string, input: ActionItemTransition): Promise<ActionItem> {
  return withTx(ctx, async (tx) => {
    const row = await reviewedItem(tx, id, input.version);
    await transition(tx, row, { status: "closed", closedAt: tx.now() }, { kind: "accepted", text: "" });
    await notify(tx, {
      recipients: [row.ownerUserId],
      areaCode: row.areaCode,
      kind: "action_item_accepted",
      title: "督办事项已验收",
      body: `「${row.expectedResult}」已通过验收。`,
      link: `/action-items/${row.id}`,
    });
    return getActionItem(tx, id);
  });
}

/** The convener sends a done item back with a reason: open again (its due date is unchanged). */
export async function returnActionItem(ctx: ActorCtx, id: string, input: ActionItemReturn): Promise<ActionItem> {
  return withTx(ctx, async (tx) => {
    const row = await reviewedItem(tx, id, input.version);
    await transition(tx, row, { status: "open", doneAt: null, returnedReason: input.reason }, { kind: "returned", text: input.reason });
    await notify(tx, {
      recipients: [row.ownerUserId],
      areaCode: row.areaCode,
      kind: "action_item_returned",
      title: "督办事项被退回",
      body: `「${row.expectedResult}」被退回：${input.reason}`,
      link: `/action-items/${row.id}`,
    });
    return getActionItem(tx, id);
  });
}
