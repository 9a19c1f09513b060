import { aliasedTable, and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { ActionItem, ActionItemListQuery, ActionItemPage } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getDepartments } from "../../admin-tasks/index.js";
import { actionItemEscalations, actionItems, actionItemUpdates, meetingResolutions, meetings, type ActionItemRow } from "../schema.js";
import { meetingsCursor } from "../cursor.js";
import { visibleMeetings } from "../visibility.js";
import { todayIn } from "./policy.js";
import { presentActionItem, presentActionItemUpdate, type ActionItemJoined } from "./present.js";

const owner = aliasedTable(users, "owner");

/** The columns an action item is presented from (item, meeting, resolution, owner, escalated). */
function actionItemSelection() {
  return {
    item: actionItems,
    meetingTitle: meetings.title,
    convenerId: meetings.convenerId,
    resolutionText: meetingResolutions.text,
    ownerName: owner.displayName,
    // A scalar sub-select runs per row on the unique index (EXISTS could hash every escalation).
    escalated: sql<boolean>`coalesce((SELECT true FROM ${actionItemEscalations} WHERE ${actionItemEscalations.actionItemId} = ${actionItems.id}), false)`,
    doneNote: sql<
      string | null
    >`(SELECT ${actionItemUpdates.text} FROM ${actionItemUpdates} WHERE ${actionItemUpdates.areaCode} = ${actionItems.areaCode} AND ${actionItemUpdates.actionItemId} = ${actionItems.id} AND ${actionItemUpdates.kind} = 'done' ORDER BY ${actionItemUpdates.seq} DESC LIMIT 1)`,
  };
}

/** Action items joined with what they are presented from; add the conditions. */
export function selectActionItems(ctx: Ctx) {
  return ctx.db
    .select(actionItemSelection())
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(meetingResolutions, eq(meetingResolutions.id, actionItems.resolutionId))
    .leftJoin(owner, eq(owner.id, actionItems.ownerUserId));
}

/** Unit names (organizations, communities and departments) of action items: three queries at most. */
export async function unitNames(ctx: Ctx, rows: ActionItemJoined[]): Promise<Map<string, string>> {
  const [orgs, areaNames, departments] = await Promise.all([
    getOrganizations(
      ctx,
      rows.map((row) => row.item.ownerOrganizationId ?? ""),
    ),
    getAreaNames(
      ctx,
      rows.map((row) => row.item.ownerCommunityCode ?? ""),
    ),
    getDepartments(
      ctx,
      rows.map((row) => row.item.ownerDepartmentId ?? ""),
    ),
  ]);
  const names = new Map<string, string>(areaNames);
  for (const [id, department] of departments) {
    names.set(id, department.name);
  }
  for (const [id, org] of orgs) {
    names.set(id, org.name);
  }
  return names;
}

/** Action items as the API shows them, loading their owners' unit names (two queries at most). */
export async function loadActionItems(ctx: ActorCtx, rows: ActionItemJoined[]): Promise<ActionItem[]> {
  const units = await unitNames(ctx, rows);
  return rows.map((row) => presentActionItem(ctx, row, units));
}

/** SQL: the actor may read the action item (owner, or a reader of its meeting). */
function visibleActionItems(ctx: ActorCtx): SQL {
  return or(eq(actionItems.ownerUserId, ctx.actor.userId), visibleMeetings(ctx)) as SQL;
}

/** One action item with its progress history. @throws AppError NOT_FOUND */
export async function getActionItem(ctx: ActorCtx, id: string): Promise<ActionItem> {
  const [row] = await selectActionItems(ctx).where(and(eq(actionItems.id, id), visibleActionItems(ctx)));
  if (!row) {
    throw notFound();
  }
  const author = aliasedTable(users, "author");
  const [[item], updates] = await Promise.all([
    loadActionItems(ctx, [row]),
    ctx.db
      .select({ update: actionItemUpdates, authorName: author.displayName })
      .from(actionItemUpdates)
      .leftJoin(author, eq(author.id, actionItemUpdates.authorId))
      .where(and(eq(actionItemUpdates.areaCode, row.item.areaCode), eq(actionItemUpdates.actionItemId, id)))
      .orderBy(asc(actionItemUpdates.seq)),
  ]);
  return {
    ...(item as ActionItem),
    updates: updates.map(({ update, authorName }) => presentActionItemUpdate(update, authorName)),
  };
}

/** The action item row the actor may read, locked, with its meeting's convener. @throws AppError NOT_FOUND */
export async function findActionItemForUpdate(ctx: ActorCtx, id: string): Promise<{ row: ActionItemRow; convenerId: string }> {
  const [found] = await ctx.db
    .select({ row: actionItems, convenerId: meetings.convenerId })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(and(eq(actionItems.id, id), visibleActionItems(ctx)))
    .for("update", { of: actionItems });
  if (!found) {
    throw notFound();
  }
  return found;
}

/**
 * The actor's action items (督办事项): those they own, or those of meetings they convened; open ones by
 * due date first. Keyset on (due_on, id). Three queries whatever the page size.
 */
export async function listActionItems(ctx: ActorCtx, query: ActionItemListQuery): Promise<ActionItemPage> {
  const conditions: SQL[] = [
    query.role === "convener" ? eq(meetings.convenerId, ctx.actor.userId) : eq(actionItems.ownerUserId, ctx.actor.userId),
  ];
  if (query.status) {
    conditions.push(eq(actionItems.status, query.status));
  }
  const cursor = meetingsCursor.decode(query.cursor);
  if (cursor) {
    conditions.push(sql`(${actionItems.dueOn}, ${actionItems.id}) > (${cursor[0]}::date, ${cursor[1]}::uuid)`);
  }
  const rows = await selectActionItems(ctx)
    .where(and(...conditions))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await loadActionItems(ctx, page),
    next_cursor: rows.length > query.limit && last ? meetingsCursor.encode([last.item.dueOn, last.item.id]) : null,
  };
}

/** Overdue open action items under an area (for the agenda of its next meeting), by due date. */
export async function overdueActionItems(ctx: Ctx, areaCode: string): Promise<ActionItemJoined[]> {
  return selectActionItems(ctx)
    .where(
      and(inScope(actionItems.areaCode, [areaCode]), eq(actionItems.status, "open"), sql`${actionItems.dueOn} < ${todayIn(ctx)}::date`),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(100);
}
