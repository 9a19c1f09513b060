import { aliasedTable, and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  InviteeOptions,
  Meeting,
  MeetingHistory,
  MeetingListQuery,
  MeetingPage,
  MeetingSort,
  Page,
  PublicMeetingSummary,
} from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { scopeFor } from "../../platform/auth/permissions.js";
import { memberships, users } from "../../platform/auth/index.js";
import { inScope, overlapsArea } from "../../platform/scope/index.js";
import { pageOf } from "../../platform/pagination/page.js";
import { countCapped, sortedIds, sortedKeyset, type SortColumns } from "../../platform/pagination/sorted.js";
import { queryRows } from "../../platform/db/client.js";
import { getAreaNames, getAreaWithChildren } from "../jurisdictions/index.js";
import { getDepartments } from "../admin-tasks/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { getPublicFacilities, listFacilitiesUnder } from "../communities/index.js";
import { countOpenNeedsByCategory } from "../needs/index.js";
import {
  actionItems,
  meetingAgendaItems,
  meetingInvitees,
  meetingMinutesVersions,
  meetingResolutions,
  meetings,
  type MeetingRow,
} from "./schema.js";
import { meetingsCursor } from "./cursor.js";
import { findVisibleMeeting, inviteeIsActor, visibleMeetingBranches } from "./visibility.js";
import { overdueActionItems, selectActionItems, unitNames } from "./action-items/queries.js";
import { presentListItem, presentMeeting } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

const convener = aliasedTable(users, "convener");

/** The sorts of the meetings list (sort= allow-list in the contract); status sorts in the order of a meeting's life. */
export const meetingSortColumns: SortColumns<MeetingSort> = {
  starts_at: { expr: meetings.startsAt, kind: "instant" },
  title: { expr: meetings.title, kind: "text" },
  status: {
    expr: sql`(CASE ${meetings.status} WHEN 'draft' THEN 1 WHEN 'scheduled' THEN 2 WHEN 'held' THEN 3 WHEN 'minuted' THEN 4 ELSE 5 END)`,
    kind: "number",
  },
};

/**
 * Meetings the actor may read, in the chosen order (latest start first by default), keyset-paginated
 * with the capped total: the visibility branches merged in one statement (sortedIds), the count beside
 * it, then the area names. Three queries whatever the page size.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
/**
 * The meeting is scheduled (the only status that takes an answer) and holds an invitation the actor
 * answers for that has no reply yet: GET /meetings?reply=pending and the 首页 count.
 */
export function unansweredInvitation(ctx: ActorCtx): SQL {
  return sql`(${meetings.status} = 'scheduled' AND EXISTS (SELECT 1 FROM ${meetingInvitees} WHERE ${meetingInvitees.meetingId} = ${meetings.id} AND ${meetingInvitees.response} = 'pending' AND ${inviteeIsActor(ctx)}))`;
}

export async function listMeetings(ctx: ActorCtx, query: MeetingListQuery): Promise<MeetingPage> {
  const filters: SQL[] = [];
  if (query.status) {
    filters.push(eq(meetings.status, query.status));
  }
  if (query.area_code) {
    filters.push(inScope(meetings.areaCode, [query.area_code]));
  }
  if (query.reply === "pending") {
    filters.push(unansweredInvitation(ctx));
  }
  if (query.q) {
    filters.push(ilike(meetings.title, `%${escapeLike(query.q)}%`));
  }
  const keyset = sortedKeyset(meetingSortColumns, { sort: query.sort, fallback: "-starts_at", cursor: query.cursor, id: meetings.id });
  const branches = visibleMeetingBranches(ctx);
  const ids = sortedIds(meetings, meetings.id, keyset, branches, keyset.after ? [...filters, keyset.after] : filters, query.limit + 1);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        meeting: meetings,
        convenerName: convener.displayName,
        // Invitees carry their meeting's area: the (area_code, meeting_id) index answers each count.
        invitees: sql<number>`(SELECT count(*)::int FROM ${meetingInvitees} WHERE ${meetingInvitees.areaCode} = ${meetings.areaCode} AND ${meetingInvitees.meetingId} = ${meetings.id})`,
        sortValue: keyset.value,
      })
      .from(meetings)
      .leftJoin(convener, eq(convener.id, meetings.convenerId))
      .where(sql`${meetings.id} IN ${ids}`)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    branches.length > 0 ? countCapped(ctx.db, sql`${meetings}`, and(or(...branches), ...filters)) : { total: 0, capped: false },
  ]);
  const names = await getAreaNames(
    ctx,
    rows.slice(0, query.limit).map((row) => row.meeting.areaCode),
  );
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => presentListItem(row.meeting, row.convenerName, row.invitees, names),
      (last) => keyset.cursorOf(last.sortValue, last.meeting.id),
    ),
    ...total,
  };
}

/**
 * A meeting with invitees, agenda (open needs per category), resolutions and their action items, and
 * — while it is still to be held — the area's overdue action items at the top of the agenda. The
 * sign-in token is shown to the convener only. A fixed number of queries.
 */
export async function getMeeting(ctx: ActorCtx, id: string): Promise<Meeting> {
  const row = await findVisibleMeeting(ctx, id);
  return loadMeeting(ctx, row);
}

/** The meeting detail of a row the actor may read (what getMeeting and every write answer with). */
export async function loadMeeting(ctx: ActorCtx, row: MeetingRow): Promise<Meeting> {
  const upcoming = row.status === "draft" || row.status === "scheduled";
  const versionAuthor = aliasedTable(users, "version_author");
  const [invitees, agenda, resolutions, items, overdue, convenerRows, mine, minutesVersions] = await Promise.all([
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
    row.status === "minuted"
      ? ctx.db
          .select({
            number: meetingMinutesVersions.number,
            html: meetingMinutesVersions.html,
            reason: meetingMinutesVersions.reason,
            authorName: versionAuthor.displayName,
            createdAt: meetingMinutesVersions.createdAt,
          })
          .from(meetingMinutesVersions)
          .leftJoin(versionAuthor, eq(versionAuthor.id, meetingMinutesVersions.authorId))
          .where(eq(meetingMinutesVersions.meetingId, row.id))
          .orderBy(asc(meetingMinutesVersions.number))
      : Promise.resolve([]),
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
  return presentMeeting(ctx, row, {
    convenerName: convenerRows[0]?.name ?? null,
    invitees,
    mine,
    agenda,
    openNeeds: counts,
    resolutions,
    actionItems: items,
    overdue,
    units,
    areaNames,
    facilityName: facilities.get(row.facilityId ?? "")?.name ?? null,
    minutesVersions,
  });
}

/** Active users by id with their display names (one query). */
export async function activeUsers(tx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await tx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, unique), eq(users.status, "active")));
  return new Map(rows.map((row) => [row.id, row.name]));
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
  const cursor = meetingsCursor.decode(query.cursor);
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
    next_cursor: rows.length > query.limit && last ? meetingsCursor.encode([(last.publishedAt as Date).toISOString(), last.id]) : null,
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
  const related = overlapsArea(memberships.areaCode, areaCode);
  const roles = ["official", "community_staff", "org_staff", "social_worker", ...(areaCode.length === 9 ? ["department"] : [])];
  const [people, facilities, tree] = await Promise.all([
    ctx.db
      .selectDistinct({
        id: users.id,
        name: users.displayName,
        role: memberships.role,
        organizationId: memberships.organizationId,
        areaCode: memberships.areaCode,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(related, inArray(memberships.role, roles), eq(users.status, "active")))
      .orderBy(asc(memberships.role), asc(users.displayName))
      .limit(500),
    listFacilitiesUnder(ctx, areaCode),
    getAreaWithChildren(ctx, areaCode),
  ]);
  const [orgs, departments] = await Promise.all([
    getOrganizations(
      ctx,
      people.filter((p) => p.role === "org_staff" && p.organizationId).map((p) => p.organizationId as string),
    ),
    getDepartments(
      ctx,
      people.filter((p) => p.role === "department" && p.organizationId).map((p) => p.organizationId as string),
    ),
  ]);
  const communities =
    areaCode.length === 12
      ? tree.area
        ? [{ code: tree.area.code, name: tree.area.name }]
        : []
      : tree.children.filter((child) => child.code.length === 12).map((child) => ({ code: child.code, name: child.name }));
  return {
    users: people.map((p) => ({ id: p.id, name: p.name, role: p.role, organization_id: p.organizationId, area_code: p.areaCode })),
    organizations: [...orgs.values()].map((org) => ({ id: org.id, name: org.name })).sort((a, b) => a.name.localeCompare(b.name)),
    communities,
    departments: [...departments.values()]
      .filter((department) => areaCode.startsWith(department.area_code))
      .map((department) => ({ id: department.id, name: department.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    facilities: facilities.map((f) => ({ id: f.id, name: f.name, area_code: f.areaCode })),
  };
}
