import { aliasedTable, and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { ActionItem, ActionItemListQuery, ActionItemPage, ActionItemSort } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getDepartments } from "../../admin-tasks/index.js";
import { actionItemEscalations, actionItems, actionItemUpdates, meetingResolutions, meetings, type ActionItemRow } from "../schema.js";
import { pageOf } from "../../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
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

/** Action items joined with what they are presented from (and any `extra` columns); add the conditions. */
export function selectActionItems<Extra extends Record<string, SQL>>(ctx: Ctx, extra: Extra = {} as Extra) {
  return ctx.db
    .select({ ...actionItemSelection(), ...extra })
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

/** The sorts of the action-items list (sort= allow-list in the contract): due date, status in its order, owner's name. */
export const actionItemSortColumns: SortColumns<ActionItemSort> = {
  due_on: { expr: actionItems.dueOn, kind: "date" },
  status: { expr: sql`(CASE ${actionItems.status} WHEN 'open' THEN 1 WHEN 'done' THEN 2 ELSE 3 END)`, kind: "number" },
  owner: { expr: owner.displayName, kind: "text", nullable: true },
};

/**
 * The actor's action items (督办事项): those they own, or those of meetings they convened, in the
 * chosen order (due date first by default), with the capped total: the page and the count at once,
 * then the owners' unit names. Four queries at most whatever the page size.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listActionItems(ctx: ActorCtx, query: ActionItemListQuery): Promise<ActionItemPage> {
  const conditions: SQL[] = [
    query.role === "convener" ? eq(meetings.convenerId, ctx.actor.userId) : eq(actionItems.ownerUserId, ctx.actor.userId),
  ];
  if (query.status) {
    conditions.push(eq(actionItems.status, query.status));
  }
  const keyset = sortedKeyset(actionItemSortColumns, { sort: query.sort, fallback: "due_on", cursor: query.cursor, id: actionItems.id });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    selectActionItems(ctx, { sortValue: keyset.value })
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${actionItems} INNER JOIN ${meetings} ON ${meetings.id} = ${actionItems.meetingId}`, where),
  ]);
  const page = rows.slice(0, query.limit);
  const units = await unitNames(ctx, page);
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => presentActionItem(ctx, row, units),
      (last) => keyset.cursorOf(last.sortValue, last.item.id),
    ),
    ...total,
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
