import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionItem, ActionItemPage, Meeting, MeetingCreate, MeetingHistory, MeetingPage, NotificationPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { systemCtx } from "../../platform/system.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildFacility } from "../communities/test/factories.js";
import { buildCall } from "../projects/test/contract-fixtures.js";
import { escalateOverdueActionItems } from "./action-items/escalation.js";
import { conveneMeeting, recordResolution, type MeetingInput } from "./test/factories.js";

/**
 * A joint meeting from convening to the acceptance of its action items, over HTTP on an injected
 * clock: invitations and answers, sign-in by the convener and by QR token (time window, wrong token),
 * sanitized minutes, resolution → action item → progress → done → return / accept with versions,
 * escalation once, scope (404 outside), published summary, area history and list query counts.
 */

let clock = new Date("2026-03-02T01:00:00Z"); // 09:00 in Beijing
const setClock = (iso: string) => {
  clock = new Date(iso);
};
let t: TestApp;
type Client = ReturnType<typeof as>;
const street = "410105007";
const community = "410105007002";
const ids = { street: "", staff: "", orgStaff: "", orgManager: "", worker: "", org: "", facility: "", otherFacility: "", call: "" };
const logins: Record<string, string> = {};
const clients: Record<string, Client> = {};

async function refreshSessions(): Promise<void> {
  for (const [key, login] of Object.entries(logins)) {
    clients[key] = as(t.app, await signIn(t.app, login));
  }
}

async function user(key: string, grants: Parameters<typeof buildUser>[1]): Promise<string> {
  const created = await buildUser(t.ctx, grants);
  logins[key] = created.login;
  return created.id;
}

async function inbox(who: Client): Promise<NotificationPage> {
  const response = await who.get("/api/v1/notifications?limit=200");
  expect(response.statusCode).toBe(200);
  return response.json<NotificationPage>();
}

let meeting: Meeting;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  const org = await buildSocialOrg(t.ctx, "410105", { serviceAreas: ["410105"] });
  ids.org = org.id;
  ids.facility = (await buildFacility(t.ctx, community, "meeting_room")).id;
  ids.otherFacility = (await buildFacility(t.ctx, "410105001001", "meeting_room")).id;
  // A district call, which a street's meeting may discuss.
  ids.call = (await buildCall(t.ctx, "410105")).id;
  ids.street = await user("street", [{ role: "official", area_code: street }]);
  ids.staff = await user("staff", [{ role: "community_staff", area_code: community }]);
  ids.orgStaff = await user("orgStaff", [{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  ids.orgManager = await user("orgManager", [{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  ids.worker = await user("worker", [{ role: "social_worker", area_code: community, organization_id: org.id }]);
  await user("otherStreet", [{ role: "official", area_code: "410105001" }]);
  await user("district", [{ role: "official", area_code: "410105" }]);
  await user("evaluator", [{ role: "evaluator", area_code: "4101" }]);
  await user("resident", [{ role: "resident", area_code: community }]);
  await refreshSessions();
}, 120_000);

afterAll(async () => {
  await t.close();
});

const body = (overrides: Partial<MeetingCreate> = {}): MeetingInput => ({
  title: "三社联动联席会议",
  area_code: street,
  starts_at: "2026-03-02T10:00:00+08:00",
  ends_at: "2026-03-02T12:00:00+08:00",
  place: { kind: "facility", facility_id: ids.facility },
  invitees: [
    { kind: "staff", user_id: ids.staff },
    { kind: "organization", organization_id: ids.org },
    { kind: "social_worker", user_id: ids.worker },
    { kind: "resident_rep", name: "居民代表王阿姨" },
    { kind: "department", name: "区民政局" },
  ],
  agenda: [
    { kind: "need_category", title: "助餐需求", need_category: "elderly_care" },
    { kind: "free", title: "楼道堆物" },
    { kind: "call", title: "公益创投项目征集", link_id: ids.call },
  ],
  ...overrides,
});

describe("convening and invitations", () => {
  it("refuses a facility of another street, an end before the start, districts and other streets", async () => {
    const outside = await clients.street!.post("/api/v1/meetings", body({ place: { kind: "facility", facility_id: ids.otherFacility } }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: "body.place.facility_id", code: "MEETING_FACILITY_OUTSIDE" });
    const backwards = await clients.street!.post("/api/v1/meetings", body({ ends_at: "2026-03-02T09:00:00+08:00" }));
    expect(backwards.json().errors[0]).toMatchObject({ code: "MEETING_ENDS_BEFORE_START" });
    expect((await clients.district!.post("/api/v1/meetings", body())).statusCode).toBe(403);
    expect((await clients.otherStreet!.post("/api/v1/meetings", body())).statusCode).toBe(404);
    const unknownCategory = await clients.street!.post(
      "/api/v1/meetings",
      body({ agenda: [{ kind: "need_category", title: "x", need_category: "nope" }] }),
    );
    expect(unknownCategory.json().errors[0]).toMatchObject({ code: "AGENDA_CATEGORY_UNKNOWN" });
    for (const kind of ["call", "project"] as const) {
      const unknownLink = await clients.street!.post(
        "/api/v1/meetings",
        body({ agenda: [{ kind, title: "x", link_id: "7f0c1f7e-8a43-4c38-9b5e-0c6f9f3b2a10" }] }),
      );
      expect(unknownLink.json().errors[0]).toMatchObject({ path: "body.agenda.0.link_id", code: "AGENDA_LINK_OUTSIDE" });
    }
  });

  it("creates a draft without notifying anyone, then scheduling invites users and the organization's staff", async () => {
    const created = await clients.street!.post("/api/v1/meetings", body(), { headers: { "idempotency-key": "meeting-create-0001" } });
    expect(created.statusCode, created.body).toBe(201);
    meeting = created.json<Meeting>();
    expect(meeting).toMatchObject({ status: "draft", is_convener: true, invitees: expect.any(Array) });
    expect(meeting.sign_in_token).toMatch(/^[\w-]{20,}$/);
    expect(meeting.agenda.map((a) => [a.kind, a.open_needs])).toEqual([
      ["need_category", 0],
      ["free", null],
      ["call", null],
    ]);
    const replay = await clients.street!.post("/api/v1/meetings", body(), { headers: { "idempotency-key": "meeting-create-0001" } });
    expect(replay.json().id).toBe(meeting.id);
    expect((await inbox(clients.staff!)).items.filter((n) => n.kind === "meeting_invitation")).toHaveLength(0);
    // Invitees do not see drafts.
    expect((await clients.worker!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);

    const scheduled = await clients.street!.patch(`/api/v1/meetings/${meeting.id}`, { version: meeting.version, status: "scheduled" });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    meeting = scheduled.json<Meeting>();
    for (const who of ["staff", "orgStaff", "orgManager", "worker"]) {
      expect((await inbox(clients[who]!)).items.filter((n) => n.kind === "meeting_invitation")).toHaveLength(1);
    }
    const stale = await clients.street!.patch(`/api/v1/meetings/${meeting.id}`, { version: 1, title: "新标题" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");
  });

  it("tells the invitees when a scheduled meeting is cancelled", async () => {
    const scheduled = await conveneMeeting(clients.street!, body({ title: "临时会议", schedule: true }));
    const cancelled = await clients.street!.patch(`/api/v1/meetings/${scheduled.id}`, { version: scheduled.version, status: "cancelled" });
    expect(cancelled.json<Meeting>().status).toBe("cancelled");
    expect((await inbox(clients.worker!)).items.filter((n) => n.kind === "meeting_cancelled")).toHaveLength(1);
    const again = await clients.street!.patch(`/api/v1/meetings/${scheduled.id}`, { version: scheduled.version + 1, status: "held" });
    expect(again.json().code).toBe("MEETING_STATE");
  });

  it("refuses to mark a meeting held before its start time (MEETING_NOT_STARTED), then allows it from the start", async () => {
    const saved = clock;
    // Another street's meeting, so this street's history stays as the later tests expect.
    const created = (
      await clients.otherStreet!.post(
        "/api/v1/meetings",
        body({
          title: "尚未开始的会议",
          area_code: "410105001",
          place: { kind: "facility", facility_id: ids.otherFacility },
          invitees: [{ kind: "department", name: "区民政局" }],
          agenda: [{ kind: "free", title: "楼道堆物" }],
          schedule: true,
        }),
      )
    ).json<Meeting>();
    expect(created.status).toBe("scheduled");
    setClock("2026-03-02T01:59:00Z"); // 09:59, a minute before the start
    await refreshSessions();
    const early = await clients.otherStreet!.patch(`/api/v1/meetings/${created.id}`, { version: created.version, status: "held" });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("MEETING_NOT_STARTED");
    // Moving the start into the past in the same request does not help: the new start counts.
    const moved = await clients.otherStreet!.patch(`/api/v1/meetings/${created.id}`, {
      version: created.version,
      starts_at: "2026-03-02T11:00:00+08:00",
      status: "held",
    });
    expect(moved.json().code).toBe("MEETING_NOT_STARTED");
    setClock("2026-03-02T02:00:00Z"); // 10:00, the start
    await refreshSessions();
    const held = await clients.otherStreet!.patch(`/api/v1/meetings/${created.id}`, { version: created.version, status: "held" });
    expect(held.statusCode).toBe(200);
    expect(held.json<Meeting>().status).toBe("held");
    clock = saved;
    await refreshSessions();
  });

  it("lets each invitee answer for themselves or their organization, and shows the answers", async () => {
    const mine = (who: Client) => async () => (await who.get(`/api/v1/meetings/${meeting.id}`)).json<Meeting>();
    const orgView = await mine(clients.orgStaff!)();
    const orgInvitee = orgView.invitees.find((i) => i.is_me);
    expect(orgInvitee?.kind).toBe("organization");
    expect(orgView.sign_in_token).toBeNull();
    const workerInvitee = (await mine(clients.worker!)()).invitees.find((i) => i.is_me);
    const staffInvitee = (await mine(clients.staff!)()).invitees.find((i) => i.is_me);
    const answer = (who: Client, id: string, payload: unknown) => who.post(`/api/v1/meetings/${meeting.id}/invitees/${id}/answer`, payload);
    expect((await answer(clients.orgStaff!, orgInvitee!.id, { response: "attend" })).statusCode).toBe(200);
    expect((await answer(clients.worker!, workerInvitee!.id, { response: "delegate" })).json().errors[0].code).toBe(
      "DELEGATE_NAME_REQUIRED",
    );
    expect((await answer(clients.worker!, workerInvitee!.id, { response: "delegate", delegate_name: "社工助理小李" })).statusCode).toBe(
      200,
    );
    expect((await answer(clients.staff!, staffInvitee!.id, { response: "decline" })).statusCode).toBe(200);
    // Nobody answers for someone else.
    expect((await answer(clients.worker!, staffInvitee!.id, { response: "attend" })).statusCode).toBe(404);
    const view = await mine(clients.street!)();
    expect(Object.fromEntries(view.invitees.map((i) => [i.kind, [i.response, i.delegate_name]]))).toEqual({
      staff: ["decline", null],
      organization: ["attend", null],
      social_worker: ["delegate", "社工助理小李"],
      resident_rep: ["pending", null],
      department: ["pending", null],
    });
  });
});

describe("attendance", () => {
  it("signs invitees in by QR token only within an hour of the meeting; a wrong token is 404", async () => {
    const signIn = (who: Client, token: string) => who.post(`/api/v1/meetings/${meeting.id}/sign-in`, { token });
    const token = meeting.sign_in_token as string;
    setClock("2026-03-02T00:30:00Z"); // 08:30, 1.5 h before the start
    await refreshSessions();
    expect((await signIn(clients.worker!, token)).json().code).toBe("MEETING_SIGN_IN_CLOSED");
    setClock("2026-03-02T01:15:00Z"); // 09:15
    await refreshSessions();
    expect((await signIn(clients.worker!, "wrong-token")).statusCode).toBe(404);
    expect((await signIn(clients.resident!, token)).statusCode).toBe(403);
    expect((await signIn(clients.otherStreet!, token)).statusCode).toBe(404);
    const signed = await signIn(clients.worker!, token);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<Meeting>().invitees.find((i) => i.is_me)?.signed_in_at).toBe("2026-03-02T01:15:00.000Z");
    setClock("2026-03-02T05:30:00Z"); // 13:30, 1.5 h after the end
    await refreshSessions();
    expect((await signIn(clients.orgStaff!, token)).json().code).toBe("MEETING_SIGN_IN_CLOSED");
  });

  it("lets the convener sign an invitee in, nobody else", async () => {
    const department = meeting.invitees.find((i) => i.kind === "department")!;
    expect((await clients.staff!.post(`/api/v1/meetings/${meeting.id}/invitees/${department.id}/sign-in`)).statusCode).toBe(403);
    const signed = await clients.street!.post(`/api/v1/meetings/${meeting.id}/invitees/${department.id}/sign-in`);
    expect(signed.statusCode).toBe(200);
    meeting = signed.json<Meeting>();
    expect(meeting.invitees.filter((i) => i.signed_in_at)).toHaveLength(2);
  });
});

describe("minutes", () => {
  it("are refused before the meeting is held, and sanitized on write", async () => {
    const early = await clients.street!.put(`/api/v1/meetings/${meeting.id}/minutes`, { version: meeting.version, html: "<p>x</p>" });
    expect(early.json().code).toBe("MEETING_STATE");
    meeting = (await clients.street!.patch(`/api/v1/meetings/${meeting.id}`, { version: meeting.version, status: "held" })).json<Meeting>();
    expect(meeting.status).toBe("held");
    const html = [
      "<h3>纪要</h3><p>会议<strong>决定</strong>：</p>",
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(2)">',
      '<a href="javascript:alert(3)">点我</a>',
      '<a href="https://example.org/doc" onclick="alert(4)">文件</a>',
      '<p style="color:red" onmouseover="alert(5)">列表</p><style>p{}</style><iframe src="https://evil.example"></iframe>',
    ].join("");
    const saved = await clients.street!.put(`/api/v1/meetings/${meeting.id}/minutes`, { version: meeting.version, html });
    expect(saved.statusCode, saved.body).toBe(200);
    meeting = saved.json<Meeting>();
    const minutes = meeting.minutes_html ?? "";
    for (const forbidden of [
      "<script",
      "alert",
      "onerror",
      "onclick",
      "onmouseover",
      "javascript:",
      "<img",
      "<style",
      "<iframe",
      "style=",
    ]) {
      expect(minutes).not.toContain(forbidden);
    }
    expect(minutes).toContain("<strong>决定</strong>");
    expect(minutes).toContain('<a href="https://example.org/doc" rel="noopener noreferrer nofollow" target="_blank">文件</a>');
    expect(minutes).toContain('<a rel="noopener noreferrer nofollow" target="_blank">点我</a>');
  });
});

let item: ActionItem;
let communityItem: ActionItem;

describe("resolutions and action items", () => {
  it("records a resolution with action items and notifies their owners", async () => {
    const agendaItem = meeting.agenda[0]!;
    const outside = await clients.street!.post(`/api/v1/meetings/${meeting.id}/resolutions`, {
      agenda_item_id: agendaItem.id,
      text: "增设助餐点",
      action_items: [
        {
          owner_kind: "community",
          owner_community_code: "410105001001",
          owner_user_id: ids.staff,
          due_on: "2026-03-10",
          expected_result: "x",
        },
      ],
    });
    expect(outside.json().errors[0]).toMatchObject({ code: "OWNER_COMMUNITY_OUTSIDE" });
    const created = await clients.street!.post(`/api/v1/meetings/${meeting.id}/resolutions`, {
      agenda_item_id: agendaItem.id,
      text: "在北区增设老年助餐点",
      action_items: [
        {
          owner_kind: "organization",
          owner_organization_id: ids.org,
          owner_user_id: ids.orgStaff,
          due_on: "2026-03-10",
          expected_result: "助餐点选址方案",
        },
        {
          owner_kind: "community",
          owner_community_code: community,
          owner_user_id: ids.staff,
          due_on: "2026-03-05",
          expected_result: "居民意见征集",
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    meeting = created.json<Meeting>();
    const items = meeting.agenda[0]!.resolutions[0]!.action_items;
    item = items.find((i) => i.owner_kind === "organization")!;
    communityItem = items.find((i) => i.owner_kind === "community")!;
    expect(item).toMatchObject({
      status: "open",
      owner_unit_name: expect.stringContaining("测试社会组织"),
      can_report: false,
      can_review: false,
    });
    expect((await inbox(clients.orgStaff!)).items.filter((n) => n.kind === "action_item_assigned")).toHaveLength(1);
  });

  it("takes progress with evidence from the owner only, then done → returned → done → accepted", async () => {
    const url = `/api/v1/action-items/${item.id}`;
    expect((await clients.worker!.post(`${url}/progress`, { text: "不是我的" })).statusCode).toBe(403);
    expect(
      (await clients.orgStaff!.post(`${url}/progress`, { text: "x", referral_id: "7f0c1f7e-8a43-4c38-9b5e-0c6f9f3b2a10" })).json().errors[0]
        .code,
    ).toBe("EVIDENCE_OUTSIDE");
    const progress = await clients.orgStaff!.post(
      `${url}/progress`,
      { text: "已踏勘两处场地" },
      { headers: { "idempotency-key": "progress-0001" } },
    );
    expect(progress.statusCode, progress.body).toBe(201);
    item = progress.json<ActionItem>();
    expect(item.updates?.map((u) => u.kind)).toEqual(["progress"]);
    expect(item.can_report).toBe(true);
    expect((await clients.street!.post(`${url}/accept`, { version: item.version })).json().code).toBe("ACTION_ITEM_STATE");

    const done = await clients.orgStaff!.post(`${url}/done`, { version: item.version });
    expect(done.statusCode, done.body).toBe(200);
    item = done.json<ActionItem>();
    expect(item.status).toBe("done");
    expect((await clients.orgStaff!.post(`${url}/done`, { version: item.version })).json().code).toBe("ACTION_ITEM_STATE");
    expect((await inbox(clients.street!)).items.filter((n) => n.kind === "action_item_done")).toHaveLength(1);

    expect((await clients.street!.post(`${url}/return`, { version: item.version - 1, reason: "x" })).statusCode).toBe(409);
    expect((await clients.staff!.post(`${url}/return`, { version: item.version, reason: "x" })).statusCode).toBe(403);
    const returned = await clients.street!.post(`${url}/return`, { version: item.version, reason: "缺少费用测算" });
    expect(returned.statusCode, returned.body).toBe(200);
    item = returned.json<ActionItem>();
    expect(item).toMatchObject({ status: "open", returned_reason: "缺少费用测算" });
    expect((await inbox(clients.orgStaff!)).items.filter((n) => n.kind === "action_item_returned")).toHaveLength(1);

    setClock("2026-03-12T02:00:00Z"); // two days past due
    await refreshSessions();
    item = (await clients.orgStaff!.post(`${url}/done`, { version: item.version })).json<ActionItem>();
    const accepted = await clients.street!.post(`${url}/accept`, { version: item.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    item = accepted.json<ActionItem>();
    expect(item.status).toBe("closed");
    expect(item.updates?.map((u) => u.kind)).toEqual(["progress", "done", "returned", "done", "accepted"]);
  });

  it("lists the owner's and the convener's action items", async () => {
    const owned = (await clients.staff!.get("/api/v1/action-items")).json<ActionItemPage>();
    expect(owned.items.map((i) => [i.id, i.overdue])).toEqual([[communityItem.id, true]]);
    const convened = (await clients.street!.get("/api/v1/action-items?role=convener")).json<ActionItemPage>();
    expect(convened.items).toHaveLength(2);
  });
});

describe("escalation", () => {
  it("escalates an overdue open item once, to the street officials and the owner's manager", async () => {
    const sweep = () => escalateOverdueActionItems(systemCtx(t.database.db, () => clock));
    expect(await sweep()).toEqual({ escalated: 1, notifications: 1 }); // community item: street official (no other staff)
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
    expect((await inbox(clients.street!)).items.filter((n) => n.kind === "action_item_escalated")).toHaveLength(1);
    expect((await inbox(clients.staff!)).items.filter((n) => n.kind === "action_item_escalated")).toHaveLength(0);
  });

  it("tells the organization's other staff about an organization's overdue item", async () => {
    await recordResolution(clients.street!, meeting.id, {
      agenda_item_id: meeting.agenda[1]!.id,
      text: "每月清理楼道",
      action_items: [
        {
          owner_kind: "organization",
          owner_organization_id: ids.org,
          owner_user_id: ids.orgStaff,
          due_on: "2026-03-11",
          expected_result: "清理计划",
        },
      ],
    });
    expect(await escalateOverdueActionItems(systemCtx(t.database.db, () => clock))).toEqual({ escalated: 1, notifications: 2 });
    expect((await inbox(clients.orgManager!)).items.filter((n) => n.kind === "action_item_escalated")).toHaveLength(1);
    expect((await inbox(clients.orgStaff!)).items.filter((n) => n.kind === "action_item_escalated")).toHaveLength(0);
  });

  it("lists the area's overdue items at the top of the next meeting's agenda", async () => {
    const next = await conveneMeeting(
      clients.street!,
      body({ starts_at: "2026-03-20T10:00:00+08:00", ends_at: "2026-03-20T11:00:00+08:00" }),
    );
    const overdue = next.overdue_action_items;
    expect(overdue.map((i) => i.expected_result).sort()).toEqual(["居民意见征集", "清理计划"]);
    expect(overdue.every((i) => i.overdue && i.escalated)).toBe(true);
    expect((await clients.street!.get(`/api/v1/meetings/${meeting.id}`)).json<Meeting>().overdue_action_items).toEqual([]);
  });
});

describe("scope, summary and history", () => {
  it("answers 404 outside the area and to uninvited providers; evaluators read history only", async () => {
    expect((await clients.otherStreet!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await clients.evaluator!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await clients.evaluator!.get("/api/v1/meetings")).json<MeetingPage>().items).toEqual([]);
    expect((await clients.resident!.get("/api/v1/meetings")).statusCode).toBe(403);
    expect((await clients.district!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(200);
    expect((await clients.otherStreet!.get(`/api/v1/action-items/${item.id}`)).statusCode).toBe(404);
    expect((await clients.otherStreet!.get(`/api/v1/meetings/history?area_code=${street}`)).statusCode).toBe(404);
  });

  it("publishes a summary residents read without names or minutes", async () => {
    const published = await clients.street!.post(`/api/v1/meetings/${meeting.id}/summary`, {
      version: meeting.version,
      summary: "决定增设老年助餐点。",
    });
    expect(published.statusCode, published.body).toBe(200);
    const page = await t.app.inject({ method: "GET", url: `/api/v1/public/meeting-summaries?area_code=${community.slice(0, 9)}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({ id: meeting.id, summary: "决定增设老年助餐点。", held_on: "2026-03-02" }),
    ]);
    expect(page.body).not.toContain("王阿姨");
    expect(page.body).not.toContain("纪要");
    expect(page.body).not.toContain("测试用户");
  });

  it("computes the area history in one query", async () => {
    const before = t.database.stats.queries;
    const response = await clients.evaluator!.get(`/api/v1/meetings/history?area_code=${street}`);
    const history = response.json<MeetingHistory>();
    expect(history).toEqual({
      area_code: street,
      meetings_held: 1,
      decisions: 2,
      action_items: 3,
      closed: 1,
      completion_rate: 1 / 3,
      median_delay_days: 2,
    });
    // Session lookup and the aggregate.
    expect(t.database.stats.queries - before).toBeLessThanOrEqual(3);
  });

  it("lists meetings and action items in a fixed number of queries", async () => {
    for (let n = 0; n < 4; n += 1) {
      await conveneMeeting(clients.street!, body({ title: `例会 ${n}` }));
    }
    const count = async (url: string) => {
      const before = t.database.stats.queries;
      const response = await clients.street!.get(url);
      expect(response.statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count("/api/v1/meetings?limit=2")).toBe(await count("/api/v1/meetings?limit=50"));
    // Session, items, their total, organization names, community names (the last two only when some item needs them).
    expect(await count("/api/v1/action-items?role=convener&limit=1")).toBeLessThanOrEqual(5);
    expect(await count("/api/v1/action-items?role=convener&limit=50")).toBeLessThanOrEqual(5);
    const searched = (await clients.street!.get("/api/v1/meetings?q=例会&limit=3")).json<MeetingPage>();
    expect(searched.items).toHaveLength(3);
    const rest = (await clients.street!.get(`/api/v1/meetings?q=例会&limit=3&cursor=${searched.next_cursor}`)).json<MeetingPage>();
    expect(rest.items).toHaveLength(1);
    expect(rest.next_cursor).toBeNull();
  });
});
