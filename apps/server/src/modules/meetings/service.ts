import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  meetingTransitions,
  type InvitationAnswer,
  type Meeting,
  type MeetingCreate,
  type MeetingPlace,
  type MeetingStatus,
  type MeetingUpdate,
  type MinutesAmendment,
  type MinutesUpdate,
  type ResolutionCreate,
  type SummaryPublish,
} from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { memberships } from "../../platform/auth/index.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { getPublicFacilities } from "../communities/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { listCategories, referralAreasIn } from "../needs/index.js";
import { projectLinksNear } from "../projects/index.js";
import { notify } from "../notifications/index.js";
import { meetingAgendaItems, meetingInvitees, meetingMinutesVersions, meetingResolutions, meetings, type MeetingRow } from "./schema.js";
import { activeUsers, loadMeeting } from "./queries.js";
import { findVisibleMeeting, inviteeIsActor } from "./visibility.js";
import { fieldError } from "./errors.js";
import { checkOwners, createActionItems } from "./action-items/service.js";
import { sanitizeRichText } from "../../platform/rich-text/sanitize.js";

/** Self sign-in by QR code is open from an hour before the start to an hour after the end. */
const signInMarginMs = 60 * 60 * 1000;

const statusLabels: Record<MeetingStatus, { "zh-CN": string; en: string }> = {
  draft: { "zh-CN": "草稿", en: "draft" },
  scheduled: { "zh-CN": "已通知", en: "scheduled" },
  held: { "zh-CN": "已召开", en: "held" },
  minuted: { "zh-CN": "已形成纪要", en: "minuted" },
  cancelled: { "zh-CN": "已取消", en: "cancelled" },
};

function meetingState(ctx: Ctx, status: MeetingStatus): AppError {
  return new AppError("MEETING_STATE", { status: statusLabels[status][ctx.locale] });
}

function requireStatus(ctx: Ctx, row: MeetingRow, allowed: readonly MeetingStatus[]): void {
  if (!allowed.includes(row.status)) {
    throw meetingState(ctx, row.status);
  }
}

/** The meeting locked for a write by its convener: 404 when unreadable, 403 when someone else convened it. */
async function convenedMeeting(tx: ActorCtx, id: string, version?: number): Promise<MeetingRow> {
  const row = await findVisibleMeeting(tx, id, { forUpdate: true });
  if (row.convenerId !== tx.actor.userId || !tx.actor.can("meetings.convene")) {
    throw forbidden();
  }
  if (version !== undefined && row.version !== version) {
    throw versionConflict(await loadMeeting(tx, row));
  }
  return row;
}

async function touch(tx: Ctx, row: MeetingRow, values: Partial<typeof meetings.$inferInsert> = {}): Promise<MeetingRow> {
  const [updated] = await tx.db
    .update(meetings)
    .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: tx.now() })
    .where(eq(meetings.id, row.id))
    .returning();
  if (!updated) {
    throw notFound();
  }
  return updated;
}

/** Checks the place: a facility must lie in the meeting's area. */
async function placeValues(tx: Ctx, areaCode: string, place: MeetingPlace): Promise<Partial<typeof meetings.$inferInsert>> {
  if (place.kind === "online") {
    return { placeKind: "online", onlineUrl: place.url, facilityId: null };
  }
  const facility = (await getPublicFacilities(tx, [place.facility_id])).get(place.facility_id);
  if (!facility || !facility.areaCode.startsWith(areaCode)) {
    throw fieldError(tx, "body.place.facility_id", "MEETING_FACILITY_OUTSIDE");
  }
  return { placeKind: "facility", facilityId: facility.id, onlineUrl: null };
}

function checkTimes(tx: Ctx, startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw fieldError(tx, "body.ends_at", "MEETING_ENDS_BEFORE_START");
  }
}

/** Users to notify for invitees: the invited users and the staff of invited organizations (one query). */
async function invitationRecipients(tx: Ctx, meetingId: string): Promise<string[]> {
  const rows = await tx.db
    .selectDistinct({ userId: sql<string>`coalesce(${meetingInvitees.userId}, ${memberships.userId})` })
    .from(meetingInvitees)
    .leftJoin(
      memberships,
      and(
        isNull(meetingInvitees.userId),
        eq(memberships.organizationId, meetingInvitees.organizationId),
        eq(memberships.role, "org_staff"),
      ),
    )
    .where(and(eq(meetingInvitees.meetingId, meetingId), sql`coalesce(${meetingInvitees.userId}, ${memberships.userId}) IS NOT NULL`));
  return rows.map((row) => row.userId);
}

const shanghai = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

async function sendInvitations(tx: ActorCtx, row: MeetingRow): Promise<number> {
  return notify(tx, {
    recipients: (await invitationRecipients(tx, row.id)).filter((id) => id !== tx.actor.userId),
    areaCode: row.areaCode,
    kind: "meeting_invitation",
    title: `联席会议邀请：${row.title}`,
    body: `${tx.actor.displayName}邀请您参加联席会议「${row.title}」，时间 ${shanghai.format(row.startsAt)}，请在平台上回复是否参加。`,
    link: `/meetings/${row.id}`,
  });
}

async function sendCancellation(tx: ActorCtx, row: MeetingRow): Promise<number> {
  return notify(tx, {
    recipients: (await invitationRecipients(tx, row.id)).filter((id) => id !== tx.actor.userId),
    areaCode: row.areaCode,
    kind: "meeting_cancelled",
    title: `联席会议取消：${row.title}`,
    body: `原定于 ${shanghai.format(row.startsAt)} 召开的联席会议「${row.title}」已取消。`,
    link: `/meetings/${row.id}`,
  });
}

/**
 * Convenes a joint meeting in the caller's area (street official or community staff) with its invited
 * parties and agenda; `schedule` sends the invitations at once. Names of invited users and
 * organizations are kept as they are now; referrals on the agenda must lie in the meeting's area.
 * @throws AppError NOT_FOUND outside the caller's area; VALIDATION_FAILED for a bad place, time, party or agenda item.
 */
export async function createMeeting(ctx: ActorCtx, input: MeetingCreate): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    if (!isInScope(input.area_code, tx.actor.scope("meetings.convene"))) {
      throw notFound();
    }
    if (input.area_code.length !== 9 && input.area_code.length !== 12) {
      throw fieldError(tx, "body.area_code", "MEETING_AREA_LEVEL");
    }
    const startsAt = new Date(input.starts_at);
    const endsAt = new Date(input.ends_at);
    checkTimes(tx, startsAt, endsAt);
    const place = await placeValues(tx, input.area_code, input.place);
    const invitees = await resolveInvitees(tx, input.invitees);
    await checkAgenda(tx, input.area_code, input.agenda);
    const [row] = await tx.db
      .insert(meetings)
      .values({
        areaCode: input.area_code,
        title: input.title,
        startsAt,
        endsAt,
        ...place,
        placeKind: place.placeKind ?? "online",
        convenerId: tx.actor.userId,
        status: input.schedule ? "scheduled" : "draft",
        signInToken: randomBytes(18).toString("base64url"),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    if (!row) {
      throw new Error("meeting not inserted");
    }
    if (invitees.length > 0) {
      await tx.db.insert(meetingInvitees).values(invitees.map((invitee) => ({ ...invitee, areaCode: row.areaCode, meetingId: row.id })));
    }
    if (input.agenda.length > 0) {
      await tx.db.insert(meetingAgendaItems).values(
        input.agenda.map((item, position) => ({
          areaCode: row.areaCode,
          meetingId: row.id,
          position,
          kind: item.kind,
          title: item.title,
          needCategory: item.kind === "need_category" ? (item.need_category ?? null) : null,
          referralId: item.kind === "referral" ? (item.referral_id ?? null) : null,
          linkId: item.kind === "project" || item.kind === "call" ? (item.link_id ?? null) : null,
        })),
      );
    }
    const sent = row.status === "scheduled" ? await sendInvitations(tx, row) : 0;
    await tx.audit.record("meetings.create", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { status: row.status, invitees: invitees.length, agenda: input.agenda.length, notified: sent },
    });
    return loadMeeting(tx, row);
  });
}

type InviteeValues = Omit<typeof meetingInvitees.$inferInsert, "areaCode" | "meetingId">;

async function resolveInvitees(tx: Ctx, input: MeetingCreate["invitees"]): Promise<InviteeValues[]> {
  const people = await activeUsers(
    tx,
    input.filter((i) => i.user_id).map((i) => i.user_id as string),
  );
  const orgs = await getOrganizations(
    tx,
    input.filter((i) => i.organization_id).map((i) => i.organization_id as string),
  );
  return input.map((invitee, index): InviteeValues => {
    const path = `body.invitees.${index}`;
    if (invitee.kind === "organization") {
      const org = orgs.get(invitee.organization_id ?? "");
      if (!org) {
        throw fieldError(tx, `${path}.organization_id`, "INVITEE_UNKNOWN");
      }
      return { kind: "organization", organizationId: org.id, userId: null, name: org.name };
    }
    if (invitee.kind === "department" || (invitee.kind === "resident_rep" && !invitee.user_id)) {
      if (!invitee.name) {
        throw fieldError(tx, `${path}.name`, "INVITEE_NAME_REQUIRED");
      }
      return { kind: invitee.kind, userId: null, organizationId: null, name: invitee.name };
    }
    const name = people.get(invitee.user_id ?? "");
    if (!name) {
      throw fieldError(tx, `${path}.user_id`, "INVITEE_UNKNOWN");
    }
    return { kind: invitee.kind, userId: invitee.user_id, organizationId: null, name: invitee.name ?? name };
  });
}

async function checkAgenda(tx: Ctx, areaCode: string, agenda: MeetingCreate["agenda"]): Promise<void> {
  const categories = agenda.some((item) => item.kind === "need_category")
    ? new Set((await listCategories(tx)).items.map((category) => category.code))
    : new Set<string>();
  const referralIds = agenda.filter((item) => item.kind === "referral" && item.referral_id).map((item) => item.referral_id as string);
  const referralsInArea = await referralAreasIn(tx, referralIds, [areaCode]);
  const linked = (kind: "project" | "call") =>
    agenda.filter((item) => item.kind === kind && item.link_id).map((item) => item.link_id as string);
  const projectsNear = await projectLinksNear(tx, { calls: linked("call"), contracts: linked("project") }, areaCode);
  agenda.forEach((item, index) => {
    const path = `body.agenda.${index}`;
    if (item.kind === "need_category" && !categories.has(item.need_category ?? "")) {
      throw fieldError(tx, `${path}.need_category`, "AGENDA_CATEGORY_UNKNOWN");
    }
    if (item.kind === "referral" && !referralsInArea.has(item.referral_id ?? "")) {
      throw fieldError(tx, `${path}.referral_id`, "AGENDA_REFERRAL_OUTSIDE");
    }
    if ((item.kind === "project" || item.kind === "call") && !item.link_id) {
      throw fieldError(tx, `${path}.link_id`, "AGENDA_LINK_REQUIRED");
    }
    if (item.kind === "call" && !projectsNear.calls.has(item.link_id ?? "")) {
      throw fieldError(tx, `${path}.link_id`, "AGENDA_LINK_OUTSIDE");
    }
    if (item.kind === "project" && !projectsNear.contracts.has(item.link_id ?? "")) {
      throw fieldError(tx, `${path}.link_id`, "AGENDA_LINK_OUTSIDE");
    }
  });
}

/**
 * Changes title, time or place (until it is held) and/or moves the meeting on: scheduling sends the
 * invitations, cancelling a scheduled meeting tells the invitees; held only from its start time (on the
 * injected clock); minuted needs minutes. Send the version you read.
 * @throws AppError NOT_FOUND, FORBIDDEN (not the convener), VERSION_CONFLICT, MEETING_STATE,
 *   MEETING_NOT_STARTED, MEETING_NO_MINUTES.
 */
export async function updateMeeting(ctx: ActorCtx, id: string, input: MeetingUpdate): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id, input.version);
    const values: Partial<typeof meetings.$inferInsert> = {};
    const edits = input.title !== undefined || input.starts_at !== undefined || input.ends_at !== undefined || input.place !== undefined;
    if (edits) {
      requireStatus(tx, row, ["draft", "scheduled"]);
      if (input.title !== undefined) {
        values.title = input.title;
      }
      const startsAt = input.starts_at ? new Date(input.starts_at) : row.startsAt;
      const endsAt = input.ends_at ? new Date(input.ends_at) : row.endsAt;
      checkTimes(tx, startsAt, endsAt);
      Object.assign(values, { startsAt, endsAt }, input.place ? await placeValues(tx, row.areaCode, input.place) : {});
    }
    const to = input.status !== undefined && input.status !== row.status ? input.status : null;
    if (to) {
      if (!meetingTransitions[row.status].includes(to)) {
        throw meetingState(tx, row.status);
      }
      if (to === "minuted" && !row.minutesHtml) {
        throw new AppError("MEETING_NO_MINUTES");
      }
      const startsAt = values.startsAt ?? row.startsAt;
      if (to === "held" && tx.now().getTime() < startsAt.getTime()) {
        throw new AppError("MEETING_NOT_STARTED", { starts_at: startsAt.toISOString() });
      }
      values.status = to;
    }
    const updated = await touch(tx, row, values);
    if (to === "minuted") {
      // finalized: the text as it stands becomes version 1; from now on only amendments change it
      await recordMinutesVersion(tx, updated, updated.minutesHtml ?? "", null);
    }
    const sent =
      to === "scheduled"
        ? await sendInvitations(tx, updated)
        : to === "cancelled" && row.status === "scheduled"
          ? await sendCancellation(tx, updated)
          : 0;
    await tx.audit.record("meetings.update", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(values), from: row.status, to: updated.status, notified: sent },
    });
    return loadMeeting(tx, updated);
  });
}

/**
 * Answers an invitation (attend, decline, or send a delegate) for oneself or one's organization,
 * while the meeting is scheduled. Answering again replaces the answer.
 * @throws AppError NOT_FOUND (not your invitation), MEETING_STATE, VALIDATION_FAILED (delegate without a name).
 */
export async function answerInvitation(ctx: ActorCtx, id: string, inviteeId: string, input: InvitationAnswer): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await findVisibleMeeting(tx, id, { forUpdate: true });
    const [invitee] = await tx.db
      .select()
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.id, inviteeId), eq(meetingInvitees.meetingId, row.id), inviteeIsActor(tx)));
    if (!invitee) {
      throw notFound();
    }
    requireStatus(tx, row, ["scheduled"]);
    if (input.response === "delegate" && !input.delegate_name) {
      throw fieldError(tx, "body.delegate_name", "DELEGATE_NAME_REQUIRED");
    }
    await tx.db
      .update(meetingInvitees)
      .set({
        response: input.response,
        delegateName: input.response === "delegate" ? (input.delegate_name ?? null) : null,
        respondedAt: tx.now(),
      })
      .where(eq(meetingInvitees.id, invitee.id));
    await tx.audit.record("meetings.answer", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { invitee: invitee.id, response: input.response },
    });
    return loadMeeting(tx, row);
  });
}

async function markSignedIn(tx: ActorCtx, row: MeetingRow, inviteeId: string, how: "convener" | "qr"): Promise<void> {
  await tx.db
    .update(meetingInvitees)
    .set({ signedInAt: tx.now(), signedInBy: tx.actor.userId })
    .where(and(eq(meetingInvitees.id, inviteeId), isNull(meetingInvitees.signedInAt)));
  await tx.audit.record("meetings.sign_in", {
    entityType: "meeting",
    entityId: row.id,
    areaCode: row.areaCode,
    detail: { invitee: inviteeId, how },
  });
}

/** The convener signs an invitee in (scheduled or held meetings). @throws AppError NOT_FOUND, FORBIDDEN, MEETING_STATE. */
export async function signInInvitee(ctx: ActorCtx, id: string, inviteeId: string): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id);
    requireStatus(tx, row, ["scheduled", "held"]);
    const [invitee] = await tx.db
      .select({ id: meetingInvitees.id })
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.id, inviteeId), eq(meetingInvitees.meetingId, row.id)));
    if (!invitee) {
      throw notFound();
    }
    await markSignedIn(tx, row, invitee.id, "convener");
    return loadMeeting(tx, row);
  });
}

/**
 * Self sign-in from the QR code: the token must be the meeting's (404 otherwise, so ids cannot be
 * probed), the caller one of its invitees, and the time within an hour of the meeting.
 * @throws AppError NOT_FOUND, MEETING_SIGN_IN_CLOSED.
 */
export async function selfSignIn(ctx: ActorCtx, id: string, token: string): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, id), eq(meetings.signInToken, token), inArray(meetings.status, ["scheduled", "held"])));
    const invitees = row
      ? await tx.db
          .select({ id: meetingInvitees.id, signedInAt: meetingInvitees.signedInAt })
          .from(meetingInvitees)
          .where(and(eq(meetingInvitees.areaCode, row.areaCode), eq(meetingInvitees.meetingId, row.id), inviteeIsActor(tx)))
      : [];
    if (!row || invitees.length === 0) {
      throw notFound();
    }
    const now = tx.now().getTime();
    if (now < row.startsAt.getTime() - signInMarginMs || now > row.endsAt.getTime() + signInMarginMs) {
      throw new AppError("MEETING_SIGN_IN_CLOSED");
    }
    const pending = invitees.find((invitee) => !invitee.signedInAt);
    if (pending) {
      await markSignedIn(tx, row, pending.id, "qr");
    }
    return loadMeeting(tx, row);
  });
}

/** Records a version of the finalized minutes (the next number), by the actor, now. */
async function recordMinutesVersion(tx: ActorCtx, row: MeetingRow, html: string, reason: string | null): Promise<number> {
  const [last] = await tx.db
    .select({ number: sql<number>`coalesce(max(${meetingMinutesVersions.number}), 0)::int` })
    .from(meetingMinutesVersions)
    .where(eq(meetingMinutesVersions.meetingId, row.id));
  const number = (last?.number ?? 0) + 1;
  await tx.db.insert(meetingMinutesVersions).values({
    areaCode: row.areaCode,
    meetingId: row.id,
    number,
    html,
    reason,
    authorId: tx.actor.userId,
    createdAt: tx.now(),
  });
  return number;
}

/**
 * Writes the minutes (会议纪要), sanitized: only basic formatting survives (no script, style, event
 * handlers or javascript: links). Held meetings only; send the version you read. Finalized minutes
 * (a minuted meeting) are read-only: amend them (amendMinutes).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, MINUTES_FINALIZED, MEETING_STATE
 */
export async function saveMinutes(ctx: ActorCtx, id: string, input: MinutesUpdate): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id, input.version);
    if (row.status === "minuted") {
      throw new AppError("MINUTES_FINALIZED");
    }
    requireStatus(tx, row, ["held"]);
    const html = sanitizeRichText(input.html);
    const updated = await touch(tx, row, { minutesHtml: html === "" ? null : html });
    await tx.audit.record("meetings.minutes", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { length: html.length, stripped: html.length !== input.html.trim().length },
    });
    return loadMeeting(tx, updated);
  });
}

/**
 * Amends finalized minutes: the sanitized text becomes the meeting's minutes and a new recorded
 * version with its author, time and reason; earlier versions stay as they were. Minuted meetings only.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, MEETING_STATE
 */
export async function amendMinutes(ctx: ActorCtx, id: string, input: MinutesAmendment): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id, input.version);
    requireStatus(tx, row, ["minuted"]);
    const [recorded] = await tx.db
      .select({ id: meetingMinutesVersions.id })
      .from(meetingMinutesVersions)
      .where(eq(meetingMinutesVersions.meetingId, row.id))
      .limit(1);
    if (!recorded) {
      // minuted before versions were recorded: the text as it stood is version 1, by the convener
      await tx.db.insert(meetingMinutesVersions).values({
        areaCode: row.areaCode,
        meetingId: row.id,
        number: 1,
        html: row.minutesHtml ?? "",
        reason: null,
        authorId: row.convenerId,
        createdAt: row.updatedAt,
      });
    }
    const html = sanitizeRichText(input.html);
    const updated = await touch(tx, row, { minutesHtml: html === "" ? null : html });
    const number = await recordMinutesVersion(tx, updated, html, input.reason);
    await tx.audit.record("meetings.minutes_amend", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { number, length: html.length },
    });
    return loadMeeting(tx, updated);
  });
}

/** Publishes the summary residents of the area see (decisions, no personal data). Held or minuted meetings. */
export async function publishSummary(ctx: ActorCtx, id: string, input: SummaryPublish): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id, input.version);
    requireStatus(tx, row, ["held", "minuted"]);
    const updated = await touch(tx, row, { summary: input.summary, summaryPublishedAt: tx.now() });
    await tx.audit.record("meetings.publish_summary", { entityType: "meeting", entityId: row.id, areaCode: row.areaCode });
    return loadMeeting(tx, updated);
  });
}

/**
 * Records a resolution (决议) on an agenda item of a held meeting, with its action items (督办事项);
 * each owner is notified. An owner community must lie in the meeting's area.
 */
export async function addResolution(ctx: ActorCtx, id: string, input: ResolutionCreate): Promise<Meeting> {
  return withTx(ctx, async (tx) => {
    const row = await convenedMeeting(tx, id);
    requireStatus(tx, row, ["held", "minuted"]);
    const [agendaItem] = await tx.db
      .select({ id: meetingAgendaItems.id })
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.id, input.agenda_item_id), eq(meetingAgendaItems.meetingId, row.id)));
    if (!agendaItem) {
      throw fieldError(tx, "body.agenda_item_id", "AGENDA_ITEM_UNKNOWN");
    }
    await checkOwners(tx, row, input.action_items);
    const [resolution] = await tx.db
      .insert(meetingResolutions)
      .values({ areaCode: row.areaCode, meetingId: row.id, agendaItemId: agendaItem.id, text: input.text, createdAt: tx.now() })
      .returning();
    if (!resolution) {
      throw new Error("resolution not inserted");
    }
    const items = await createActionItems(tx, row, resolution.id, input.text, input.action_items);
    await tx.audit.record("meetings.resolve", {
      entityType: "meeting",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { resolution: resolution.id, action_items: items.map((item) => item.id) },
    });
    return loadMeeting(tx, row);
  });
}
