import type { ActionItem, ActionItemCreate, InviteeCreate, Meeting, MeetingCreate, ResolutionCreate } from "@sanshe/contracts";
import type { as } from "../../../../test/test-app.js";

/** Builders for joint meetings, their resolutions and action items in tests, over HTTP as a signed-in convener. */

type Client = ReturnType<typeof as>;

function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
  }
}

/** What a meeting needs at least: its street or community; the rest defaults to an online meeting with one free agenda item. */
export type MeetingInput = Partial<MeetingCreate> & { area_code: string };

/** A meeting payload: 联席会议 on 2026-03-02 10:00–12:00 (Beijing), online, one agenda item, no invitees unless given. */
export function meetingPayload(input: MeetingInput): MeetingCreate {
  return {
    title: "联席会议",
    starts_at: "2026-03-02T10:00:00+08:00",
    ends_at: "2026-03-02T12:00:00+08:00",
    place: { kind: "online", url: "https://meeting.example.org/room" },
    invitees: [],
    agenda: [{ kind: "free", title: "议题" }],
    schedule: false,
    ...input,
  };
}

/**
 * Convenes a meeting as `convener` (POST /api/v1/meetings; an official of the street or community
 * staff), filling what `input` leaves out from {@link meetingPayload}. @throws unless 201.
 */
export async function conveneMeeting(convener: Client, input: MeetingInput, idempotencyKey?: string): Promise<Meeting> {
  const response = await convener.post(
    "/api/v1/meetings",
    meetingPayload(input),
    idempotencyKey === undefined ? {} : { headers: { "idempotency-key": idempotencyKey } },
  );
  expectStatus(response, 201, "POST /api/v1/meetings");
  return response.json<Meeting>();
}

/** Records a resolution with its action items on a meeting's agenda item as `convener`. @throws unless 201. */
export async function recordResolution(
  convener: Client,
  meetingId: string,
  resolution: Omit<ResolutionCreate, "text"> & { text?: string },
): Promise<Meeting> {
  const response = await convener.post(`/api/v1/meetings/${meetingId}/resolutions`, { text: "会议决议", ...resolution });
  expectStatus(response, 201, `POST /api/v1/meetings/${meetingId}/resolutions`);
  return response.json<Meeting>();
}

/**
 * A scheduled meeting with invitees (invitations sent) and one resolution on its first agenda item
 * carrying one action item: returns the meeting as the convener last saw it and that action item.
 */
export async function buildMeetingWithActionItem(
  convener: Client,
  input: MeetingInput & { invitees: InviteeCreate[]; actionItem: ActionItemCreate },
): Promise<{ meeting: Meeting; actionItem: ActionItem }> {
  const { actionItem: item, ...rest } = input;
  const convened = await conveneMeeting(convener, { schedule: true, ...rest });
  const agendaItem = convened.agenda[0];
  if (!agendaItem) {
    throw new Error(`meeting ${convened.id} has no agenda item`);
  }
  const meeting = await recordResolution(convener, convened.id, { agenda_item_id: agendaItem.id, action_items: [item] });
  const actionItem = meeting.agenda[0]?.resolutions.at(-1)?.action_items[0];
  if (!actionItem) {
    throw new Error(`meeting ${meeting.id} has no action item`);
  }
  return { meeting, actionItem };
}
