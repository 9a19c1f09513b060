import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  ActionItem,
  ActionItemListQuery,
  ActionItemPage,
  InviteeOptions,
  Meeting,
  MeetingHistory,
  MeetingListItem,
  MeetingListQuery,
  MeetingPage,
  Page,
  PublicMeetingSummary,
} from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { scopeFor } from "../../platform/auth/permissions.js";
import { memberships, users } from "../../platform/auth/index.js";
import { inScope, newestFirstIds } from "../../platform/scope/index.js";
import { queryRows } from "../../platform/db/client.js";
import { getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { getPublicFacilities, listFacilitiesUnder } from "../communities/index.js";
import { countOpenNeedsByCategory } from "../needs/index.js";
import {
  actionItemEscalations,
  actionItems,
  actionItemUpdates,
  meetingAgendaItems,
  meetingInvitees,
  meetingResolutions,
  meetings,
  type ActionItemRow,
  type MeetingRow,
} from "./schema.js";

/** Today's date (YYYY-MM-DD) in China Standard Time, from the ctx clock: due dates are local dates. */
export function todayIn(ctx: Ctx): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    ctx.now(),
  );
}

/** Organizations the actor acts for as org staff (an invited organization is answered for by its staff). */
export function staffOrganizations(ctx: ActorCtx): string[] {
  return [
    ...new Set(ctx.actor.memberships.filter((m) => m.role === "org_staff" && m.organizationId).map((m) => m.organizationId as string)),
  ];
}

/** SQL: the invitee row is answered for by the actor (their own invitation or their organization's). */
export function inviteeIsActor(ctx: ActorCtx): SQL {
  const orgs = staffOrganizations(ctx);
  const mine = eq(meetingInvitees.userId, ctx.actor.userId);
  return orgs.length > 0 ? (or(mine, inArray(meetingInvitees.organizationId, orgs)) as SQL) : mine;
}

/** Area prefixes where the actor reads every meeting: officials and community staff with meetings.read. */
function areaPrefixes(ctx: ActorCtx): string[] {
  return scopeFor(
    ctx.actor.memberships.filter((m) => m.role === "official" || m.role === "community_staff"),
    "meetings.read",
  );
}

/**
 * Who reads a meeting, as one SQL condition: officials and community staff in their area; anyone
 * invited (themselves or their organization) once it is scheduled; owners of its action items.
 * Evaluators read only the per-area history.
 */
export function visibleMeetings(ctx: ActorCtx): SQL {
  const branches = visibleMeetingBranches(ctx);
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}

/** The same, as branches a list merges (platform/scope newestFirstIds): each area prefix, invited, owning. */
function visibleMeetingBranches(ctx: ActorCtx): SQL[] {
  if (!ctx.actor.can("meetings.read")) {
    return [];
  }
  const invited = ctx.db.select({ id: meetingInvitees.meetingId }).from(meetingInvitees).where(inviteeIsActor(ctx));
  const owning = ctx.db.select({ id: actionItems.meetingId }).from(actionItems).where(eq(actionItems.ownerUserId, ctx.actor.userId));
  return [
    ...areaPrefixes(ctx).map((prefix) => inScope(meetings.areaCode, [prefix])),
    and(sql`${meetings.status} <> 'draft'`, inArray(meetings.id, invited)) as SQL,
    inArray(meetings.id, owning),
  ];
}

/** The meeting row if the actor may read it (optionally locked). @throws AppError NOT_FOUND */
export async function findVisibleMeeting(ctx: ActorCtx, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow> {
  const query = ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), visibleMeetings(ctx)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) {
    throw notFound();
  }
  return row;
}

type Cursor = [string, string];

function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      /^[0-9a-f-]{36}$/.test(value[1]) &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return value as Cursor;
    }
  } catch {
    // an unreadable cursor starts from the beginning
  }
  return null;
}

const convener = aliasedTable(users, "convener");

/**
 * Meetings the actor may read, latest start first, keyset-paginated: the visibility branches merged
 * in one statement (platform/scope newestFirstIds). Two queries whatever the page size.
 */
export async function listMeetings(ctx: ActorCtx, query: MeetingListQuery): Promise<MeetingPage> {
  const conditions: SQL[] = [];
  if (query.status) {
    conditions.push(eq(meetings.status, query.status));
  }
  if (query.area_code) {
    conditions.push(inScope(meetings.areaCode, [query.area_code]));
  }
  if (query.q) {
    conditions.push(ilike(meetings.title, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    conditions.push(sql`(${meetings.startsAt}, ${meetings.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      meeting: meetings,
      convenerName: convener.displayName,
      // Invitees carry their meeting's area: the (area_code, meeting_id) index answers each count.
      invitees: sql<number>`(SELECT count(*)::int FROM ${meetingInvitees} WHERE ${meetingInvitees.areaCode} = ${meetings.areaCode} AND ${meetingInvitees.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .leftJoin(convener, eq(convener.id, meetings.convenerId))
    .where(
      sql`${meetings.id} IN ${newestFirstIds(meetings, { id: meetings.id, at: meetings.startsAt }, visibleMeetingBranches(ctx), conditions, query.limit + 1)}`,
    )
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await getAreaNames(
    ctx,
    page.map((row) => row.meeting.areaCode),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => presentListItem(row.meeting, row.convenerName, row.invitees, names)),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.meeting.startsAt.toISOString(), last.meeting.id]) : null,
  };
}

function presentListItem(row: MeetingRow, convenerName: string | null, invitees: number, names: Map<string, string>): MeetingListItem {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: names.get(row.areaCode) ?? null,
    title: row.title,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt.toISOString(),
    status: row.status,
    convener_name: convenerName,
    invitees,
    version: row.version,
  };
}

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
  };
}

type ActionItemJoined = {
  item: ActionItemRow;
  meetingTitle: string;
  convenerId: string;
  resolutionText: string;
  ownerName: string | null;
  escalated: boolean;
};

function selectActionItems(ctx: Ctx) {
  return ctx.db
    .select(actionItemSelection())
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(meetingResolutions, eq(meetingResolutions.id, actionItems.resolutionId))
    .leftJoin(owner, eq(owner.id, actionItems.ownerUserId));
}

/** Unit names (organizations and communities) of action items: two queries at most. */
async function unitNames(ctx: Ctx, rows: ActionItemJoined[]): Promise<Map<string, string>> {
  const [orgs, areaNames] = await Promise.all([
    getOrganizations(
      ctx,
      rows.map((row) => row.item.ownerOrganizationId ?? ""),
    ),
    getAreaNames(
      ctx,
      rows.map((row) => row.item.ownerCommunityCode ?? ""),
    ),
  ]);
  const names = new Map<string, string>(areaNames);
  for (const [id, org] of orgs) {
    names.set(id, org.name);
  }
  return names;
}

export function presentActionItem(
  ctx: Ctx & { actor: { userId: string } | null },
  row: ActionItemJoined,
  units: Map<string, string>,
): ActionItem {
  const item = row.item;
  const me = ctx.actor?.userId;
  return {
    id: item.id,
    area_code: item.areaCode,
    meeting_id: item.meetingId,
    meeting_title: row.meetingTitle,
    resolution_id: item.resolutionId,
    resolution_text: row.resolutionText,
    owner_kind: item.ownerKind,
    owner_organization_id: item.ownerOrganizationId,
    owner_community_code: item.ownerCommunityCode,
    owner_unit_name: units.get(item.ownerOrganizationId ?? item.ownerCommunityCode ?? "") ?? null,
    owner_user_id: item.ownerUserId,
    owner_user_name: row.ownerName,
    due_on: item.dueOn,
    expected_result: item.expectedResult,
    status: item.status,
    overdue: item.status === "open" && item.dueOn < todayIn(ctx),
    returned_reason: item.returnedReason,
    done_at: item.doneAt?.toISOString() ?? null,
    closed_at: item.closedAt?.toISOString() ?? null,
    escalated: row.escalated,
    version: item.version,
    can_report: item.ownerUserId === me && item.status === "open",
    can_review: row.convenerId === me && item.status === "done",
  };
}

async function presentActionItems(ctx: ActorCtx, rows: ActionItemJoined[]): Promise<ActionItem[]> {
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
    presentActionItems(ctx, [row]),
    ctx.db
      .select({ update: actionItemUpdates, authorName: author.displayName })
      .from(actionItemUpdates)
      .leftJoin(author, eq(author.id, actionItemUpdates.authorId))
      .where(and(eq(actionItemUpdates.areaCode, row.item.areaCode), eq(actionItemUpdates.actionItemId, id)))
      .orderBy(asc(actionItemUpdates.seq)),
  ]);
  return {
    ...(item as ActionItem),
    updates: updates.map(({ update, authorName }) => ({
      id: update.id,
      kind: update.kind,
      text: update.text,
      referral_id: update.referralId,
      service_record_id: update.serviceRecordId,
      author_name: authorName,
      created_at: update.createdAt.toISOString(),
    })),
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
  const cursor = decodeCursor(query.cursor);
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
    items: await presentActionItems(ctx, page),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.item.dueOn, last.item.id]) : null,
  };
}

/** Overdue open action items under an area (for the agenda of its next meeting), by due date. */
async function overdueActionItems(ctx: Ctx, areaCode: string): Promise<ActionItemJoined[]> {
  return selectActionItems(ctx)
    .where(
      and(inScope(actionItems.areaCode, [areaCode]), eq(actionItems.status, "open"), sql`${actionItems.dueOn} < ${todayIn(ctx)}::date`),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(100);
}

/**
 * A meeting with invitees, agenda (open needs per category), resolutions and their action items, and
 * — while it is still to be held — the area's overdue action items at the top of the agenda. The
 * sign-in token is shown to the convener only. A fixed number of queries.
 */
export async function getMeeting(ctx: ActorCtx, id: string): Promise<Meeting> {
  const row = await findVisibleMeeting(ctx, id);
  return presentMeeting(ctx, row);
}

export async function presentMeeting(ctx: ActorCtx, row: MeetingRow): Promise<Meeting> {
  const upcoming = row.status === "draft" || row.status === "scheduled";
  const [invitees, agenda, resolutions, items, overdue, convenerRows, mine] = await Promise.all([
    ctx.db
      .select()
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.areaCode, row.areaCode), eq(meetingInvitees.meetingId, row.id)))
      .orderBy(asc(meetingInvitees.kind), asc(meetingInvitees.name), asc(meetingInvitees.id)),
    ctx.db
      .select()
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.areaCode, row.areaCode), eq(meetingAgendaItems.meetingId, row.id)))
      .orderBy(asc(meetingAgendaItems.position)),
    ctx.db
      .select()
      .from(meetingResolutions)
      .where(and(eq(meetingResolutions.areaCode, row.areaCode), eq(meetingResolutions.meetingId, row.id)))
      .orderBy(asc(meetingResolutions.createdAt), asc(meetingResolutions.id)),
    selectActionItems(ctx).where(eq(actionItems.meetingId, row.id)).orderBy(asc(actionItems.dueOn), asc(actionItems.id)),
    upcoming ? overdueActionItems(ctx, row.areaCode) : Promise.resolve([]),
    ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, row.convenerId)),
    ctx.db
      .select({ id: meetingInvitees.id })
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.areaCode, row.areaCode), eq(meetingInvitees.meetingId, row.id), inviteeIsActor(ctx))),
  ]);
  const [counts, units, areaNames, facilities] = await Promise.all([
    countOpenNeedsByCategory(
      ctx,
      row.areaCode,
      agenda.filter((a) => a.needCategory).map((a) => a.needCategory as string),
    ),
    unitNames(ctx, [...items, ...overdue]),
    getAreaNames(ctx, [row.areaCode]),
    row.facilityId ? getPublicFacilities(ctx, [row.facilityId]) : Promise.resolve(new Map<string, { name: string }>()),
  ]);
  const mineIds = new Set(mine.map((m) => m.id));
  const isConvener = row.convenerId === ctx.actor.userId;
  return {
    ...presentListItem(row, convenerRows[0]?.name ?? null, invitees.length, areaNames),
    place: {
      kind: row.placeKind,
      facility_id: row.facilityId,
      facility_name: facilities.get(row.facilityId ?? "")?.name ?? null,
      url: row.onlineUrl,
    },
    convener_id: row.convenerId,
    is_convener: isConvener,
    sign_in_token: isConvener ? row.signInToken : null,
    minutes_html: row.minutesHtml,
    summary: row.summary,
    summary_published_at: row.summaryPublishedAt?.toISOString() ?? null,
    invitees: invitees.map((invitee) => ({
      id: invitee.id,
      kind: invitee.kind,
      user_id: invitee.userId,
      organization_id: invitee.organizationId,
      name: invitee.name,
      response: invitee.response,
      delegate_name: invitee.delegateName,
      responded_at: invitee.respondedAt?.toISOString() ?? null,
      signed_in_at: invitee.signedInAt?.toISOString() ?? null,
      is_me: mineIds.has(invitee.id),
    })),
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      need_category: item.needCategory,
      open_needs: item.needCategory ? (counts.get(item.needCategory) ?? 0) : null,
      referral_id: item.referralId,
      link_id: item.linkId,
      resolutions: resolutions
        .filter((r) => r.agendaItemId === item.id)
        .map((r) => ({
          id: r.id,
          text: r.text,
          created_at: r.createdAt.toISOString(),
          action_items: items.filter((a) => a.item.resolutionId === r.id).map((a) => presentActionItem(ctx, a, units)),
        })),
    })),
    overdue_action_items: overdue.map((a) => presentActionItem(ctx, a, units)),
  };
}

/**
 * Per-area history for the actor's scope (officials, community staff, evaluators): meetings held,
 * decisions, action items, completion rate and median delay in days past due at completion. One query.
 * @throws AppError NOT_FOUND for an area outside the scope.
 */
export async function getMeetingHistory(ctx: ActorCtx, areaCode: string): Promise<MeetingHistory> {
  const prefixes = scopeFor(
    ctx.actor.memberships.filter((m) => m.role === "official" || m.role === "community_staff" || m.role === "evaluator"),
    "meetings.read",
  );
  if (!prefixes.some((prefix) => areaCode.startsWith(prefix))) {
    throw notFound();
  }
  const under = inScope(meetings.areaCode, [areaCode]);
  const itemsUnder = inScope(actionItems.areaCode, [areaCode]);
  const resolutionsUnder = inScope(meetingResolutions.areaCode, [areaCode]);
  const [row] = await queryRows<{
    meetings_held: number;
    decisions: number;
    action_items: number;
    closed: number;
    median_delay: number | string | null;
  }>(
    ctx.db,
    sql`
    SELECT
      (SELECT count(*)::int FROM ${meetings} WHERE ${under} AND ${meetings.status} IN ('held', 'minuted')) AS meetings_held,
      (SELECT count(*)::int FROM ${meetingResolutions} WHERE ${resolutionsUnder}) AS decisions,
      count(*)::int AS action_items,
      (count(*) FILTER (WHERE ${actionItems.status} = 'closed'))::int AS closed,
      percentile_cont(0.5) WITHIN GROUP (
        ORDER BY GREATEST(0, ((${actionItems.doneAt} AT TIME ZONE 'Asia/Shanghai')::date - ${actionItems.dueOn}))
      ) FILTER (WHERE ${actionItems.status} = 'closed') AS median_delay
    FROM ${actionItems}
    WHERE ${itemsUnder}
  `,
  );
  const total = row?.action_items ?? 0;
  const closed = row?.closed ?? 0;
  return {
    area_code: areaCode,
    meetings_held: row?.meetings_held ?? 0,
    decisions: row?.decisions ?? 0,
    action_items: total,
    closed,
    completion_rate: total > 0 ? closed / total : null,
    median_delay_days: row?.median_delay === null || row?.median_delay === undefined ? null : Number(row.median_delay),
  };
}

/** Published summaries of an area and below, newest first (public: no names, no minutes). */
export async function listPublicSummaries(
  ctx: Ctx,
  query: { area_code: string; cursor?: string | undefined; limit: number },
): Promise<Page<PublicMeetingSummary>> {
  const conditions: SQL[] = [inScope(meetings.areaCode, [query.area_code]), sql`${meetings.summaryPublishedAt} IS NOT NULL`];
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    conditions.push(sql`(${meetings.summaryPublishedAt}, ${meetings.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      id: meetings.id,
      areaCode: meetings.areaCode,
      title: meetings.title,
      startsAt: meetings.startsAt,
      summary: meetings.summary,
      publishedAt: meetings.summaryPublishedAt,
    })
    .from(meetings)
    .where(and(...conditions))
    .orderBy(desc(meetings.summaryPublishedAt), desc(meetings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await getAreaNames(
    ctx,
    page.map((row) => row.areaCode),
  );
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      area_code: row.areaCode,
      area_name: names.get(row.areaCode) ?? null,
      title: row.title,
      held_on: day.format(row.startsAt),
      summary: row.summary ?? "",
      published_at: (row.publishedAt as Date).toISOString(),
    })),
    next_cursor: rows.length > query.limit && last ? encodeCursor([(last.publishedAt as Date).toISOString(), last.id]) : null,
  };
}

/**
 * Whom a convener can invite for an area: users with a role at the area, above it or below it (staff,
 * organization staff, social workers, officials), the organizations of those staff, and the facilities.
 */
export async function getInviteeOptions(ctx: ActorCtx, areaCode: string): Promise<InviteeOptions> {
  if (!ctx.actor.scope("meetings.convene").some((prefix) => areaCode.startsWith(prefix))) {
    throw notFound();
  }
  const related = or(inScope(memberships.areaCode, [areaCode]), sql`${areaCode} LIKE ${memberships.areaCode} || '%'`) as SQL;
  const [people, facilities] = await Promise.all([
    ctx.db
      .selectDistinct({ id: users.id, name: users.displayName, role: memberships.role, organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(related, inArray(memberships.role, ["official", "community_staff", "org_staff", "social_worker"]), eq(users.status, "active")),
      )
      .orderBy(asc(memberships.role), asc(users.displayName))
      .limit(500),
    listFacilitiesUnder(ctx, areaCode),
  ]);
  const orgs = await getOrganizations(
    ctx,
    people.filter((p) => p.role === "org_staff" && p.organizationId).map((p) => p.organizationId as string),
  );
  return {
    users: people.map((p) => ({ id: p.id, name: p.name, role: p.role, organization_id: p.organizationId })),
    organizations: [...orgs.values()].map((org) => ({ id: org.id, name: org.name })).sort((a, b) => a.name.localeCompare(b.name)),
    facilities: facilities.map((f) => ({ id: f.id, name: f.name, area_code: f.areaCode })),
  };
}
