import type { Meeting, MeetingListItem } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import type { meetingAgendaItems, meetingInvitees, meetingResolutions, MeetingRow } from "./schema.js";
import { presentActionItem, type ActionItemJoined } from "./action-items/present.js";

/** A meeting in a list. */
export function presentListItem(
  row: MeetingRow,
  convenerName: string | null,
  invitees: number,
  names: Map<string, string>,
): MeetingListItem {
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

/** What a meeting detail is presented from, loaded by queries.ts (loadMeeting). */
export type MeetingParts = {
  convenerName: string | null;
  invitees: Array<typeof meetingInvitees.$inferSelect>;
  /** Invitee rows the actor answers for. */
  mine: Array<{ id: string }>;
  agenda: Array<typeof meetingAgendaItems.$inferSelect>;
  /** Open needs per category of the agenda. */
  openNeeds: Map<string, number>;
  resolutions: Array<typeof meetingResolutions.$inferSelect>;
  actionItems: ActionItemJoined[];
  /** The area's overdue action items (while the meeting is still to be held). */
  overdue: ActionItemJoined[];
  /** Names of owner organizations and communities. */
  units: Map<string, string>;
  areaNames: Map<string, string>;
  facilityName: string | null;
  /** Recorded versions of the finalized minutes, oldest first, with their authors' names. */
  minutesVersions: Array<{ number: number; html: string; reason: string | null; authorName: string | null; createdAt: Date }>;
};

/** A meeting with invitees, agenda, resolutions and action items; the sign-in token for the convener only. */
export function presentMeeting(ctx: ActorCtx, row: MeetingRow, parts: MeetingParts): Meeting {
  const mineIds = new Set(parts.mine.map((m) => m.id));
  const isConvener = row.convenerId === ctx.actor.userId;
  return {
    ...presentListItem(row, parts.convenerName, parts.invitees.length, parts.areaNames),
    place: {
      kind: row.placeKind,
      facility_id: row.facilityId,
      facility_name: parts.facilityName,
      url: row.onlineUrl,
    },
    convener_id: row.convenerId,
    is_convener: isConvener,
    sign_in_token: isConvener ? row.signInToken : null,
    minutes_html: row.minutesHtml,
    minutes_versions: parts.minutesVersions.map((version) => ({
      number: version.number,
      html: version.html,
      reason: version.reason,
      author_name: version.authorName,
      created_at: version.createdAt.toISOString(),
    })),
    summary: row.summary,
    summary_published_at: row.summaryPublishedAt?.toISOString() ?? null,
    invitees: parts.invitees.map((invitee) => ({
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
    agenda: parts.agenda.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      need_category: item.needCategory,
      open_needs: item.needCategory ? (parts.openNeeds.get(item.needCategory) ?? 0) : null,
      referral_id: item.referralId,
      link_id: item.linkId,
      resolutions: parts.resolutions
        .filter((r) => r.agendaItemId === item.id)
        .map((r) => ({
          id: r.id,
          text: r.text,
          created_at: r.createdAt.toISOString(),
          action_items: parts.actionItems.filter((a) => a.item.resolutionId === r.id).map((a) => presentActionItem(ctx, a, parts.units)),
        })),
    })),
    overdue_action_items: parts.overdue.map((a) => presentActionItem(ctx, a, parts.units)),
  };
}
