import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionItem, InviteeOptions, Meeting } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildDepartment } from "../admin-tasks/test/factories.js";
import { conveneMeeting, recordResolution } from "./test/factories.js";

/**
 * Meetings as records people can trust: finalized minutes are read-only and amended only as new
 * recorded versions; a street meeting hands action items to a community or a department, with the
 * owner person belonging to that unit; the completion note of 报办结 is kept; a meeting needs no agenda.
 */

const clock = new Date("2026-03-02T05:00:00Z"); // 13:00 in Beijing, after the default meeting
let t: TestApp;
type Client = ReturnType<typeof as>;
const street = "410105007";
const community = "410105007002";
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

async function user(key: string, grants: Parameters<typeof buildUser>[1]): Promise<void> {
  const created = await buildUser(t.ctx, grants);
  ids[key] = created.id;
  c[key] = as(t.app, await signIn(t.app, created.login));
}

async function heldMeeting(): Promise<Meeting> {
  const convened = await conveneMeeting(c.street!, { area_code: street, schedule: true });
  const held = await c.street!.patch(`/api/v1/meetings/${convened.id}`, { version: convened.version, status: "held" });
  expect(held.statusCode, held.body).toBe(200);
  return held.json<Meeting>();
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  const org = await buildSocialOrg(t.ctx, "410105", { serviceAreas: ["410105"] });
  ids.org = org.id;
  ids.department = await buildDepartment(t.ctx, "410105", "金水区民政局");
  ids.otherDistrictDepartment = await buildDepartment(t.ctx, "410102", "中原区民政局");
  await user("street", [{ role: "official", area_code: street }]);
  await user("communityConvener", [{ role: "community_staff", area_code: community }]);
  await user("staff", [{ role: "community_staff", area_code: community }]);
  await user("departmentStaff", [{ role: "department", area_code: "410105", organization_id: ids.department }]);
  await user("orgStaff", [{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe("finalized minutes", () => {
  it("refuses an edit after finalization with MINUTES_FINALIZED, and keeps each amendment as a version with author, time and reason", async () => {
    let meeting = await heldMeeting();
    const first = await c.street!.put(`/api/v1/meetings/${meeting.id}/minutes`, { version: meeting.version, html: "<p>第一稿</p>" });
    meeting = first.json<Meeting>();
    const finalized = await c.street!.patch(`/api/v1/meetings/${meeting.id}`, { version: meeting.version, status: "minuted" });
    expect(finalized.statusCode, finalized.body).toBe(200);
    meeting = finalized.json<Meeting>();
    expect(meeting.minutes_versions).toMatchObject([{ number: 1, html: "<p>第一稿</p>", reason: null }]);

    // the convener, who gains by quietly rewriting what was agreed, cannot overwrite final minutes
    const overwrite = await c.street!.put(`/api/v1/meetings/${meeting.id}/minutes`, { version: meeting.version, html: "<p>改写</p>" });
    expect(overwrite.statusCode).toBe(409);
    expect(overwrite.json()).toMatchObject({ code: "MINUTES_FINALIZED" });

    const amended = await c.street!.post(`/api/v1/meetings/${meeting.id}/minutes/amendments`, {
      version: meeting.version,
      html: "<p>第一稿（更正日期）</p>",
      reason: "更正会议日期笔误",
    });
    expect(amended.statusCode, amended.body).toBe(201);
    meeting = amended.json<Meeting>();
    expect(meeting.minutes_html).toBe("<p>第一稿（更正日期）</p>");
    expect(meeting.minutes_versions.map((v) => [v.number, v.html, v.reason])).toEqual([
      [1, "<p>第一稿</p>", null],
      [2, "<p>第一稿（更正日期）</p>", "更正会议日期笔误"],
    ]);
    expect(meeting.minutes_versions[1]?.author_name).toBeTruthy();
    expect(meeting.minutes_versions[1]?.created_at).toBe(clock.toISOString());

    const stale = await c.street!.post(`/api/v1/meetings/${meeting.id}/minutes/amendments`, {
      version: meeting.version - 1,
      html: "<p>x</p>",
      reason: "再改",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
    const noReason = await c.street!.post(`/api/v1/meetings/${meeting.id}/minutes/amendments`, {
      version: meeting.version,
      html: "<p>x</p>",
    });
    expect(noReason.statusCode).toBe(400);
  });

  it("does not amend minutes that are not final, nor lets anyone but the convener amend", async () => {
    const meeting = await heldMeeting();
    const early = await c.street!.post(`/api/v1/meetings/${meeting.id}/minutes/amendments`, {
      version: meeting.version,
      html: "<p>x</p>",
      reason: "试",
    });
    expect(early.json()).toMatchObject({ code: "MEETING_STATE" });
    const staff = await c.staff!.post(`/api/v1/meetings/${meeting.id}/minutes/amendments`, {
      version: meeting.version,
      html: "<p>x</p>",
      reason: "试",
    });
    // a community's staff do not read a street meeting they are not invited to: not found
    expect(staff.statusCode).toBe(404);
  });
});

describe("action items of a street meeting", () => {
  it("offers the street's communities and its district's departments, each with its own people", async () => {
    const options = (await c.street!.get(`/api/v1/meetings/invitee-options?area_code=${street}`)).json<InviteeOptions>();
    expect(options.communities.map((x) => x.code)).toContain(community);
    expect(options.departments).toEqual([{ id: ids.department, name: "金水区民政局" }]);
    const departmentPeople = options.users.filter((u) => u.role === "department" && u.organization_id === ids.department);
    expect(departmentPeople.map((u) => u.id)).toEqual([ids.departmentStaff]);
  });

  it("assigns items to a community and to a department; the owner must belong to the unit", async () => {
    const meeting = await heldMeeting();
    const agendaItem = meeting.agenda[0]!.id;
    const item = { due_on: "2026-03-20", expected_result: "完成台账" };
    const wrongPerson = await c.street!.post(`/api/v1/meetings/${meeting.id}/resolutions`, {
      agenda_item_id: agendaItem,
      text: "部门牵头",
      action_items: [{ ...item, owner_kind: "department", owner_department_id: ids.department, owner_user_id: ids.orgStaff }],
    });
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.json().errors[0]).toMatchObject({ path: "body.action_items.0.owner_user_id", code: "OWNER_NOT_IN_UNIT" });
    const otherDistrict = await c.street!.post(`/api/v1/meetings/${meeting.id}/resolutions`, {
      agenda_item_id: agendaItem,
      text: "部门牵头",
      action_items: [
        { ...item, owner_kind: "department", owner_department_id: ids.otherDistrictDepartment, owner_user_id: ids.departmentStaff },
      ],
    });
    expect(otherDistrict.json().errors[0]).toMatchObject({ code: "OWNER_DEPARTMENT_OUTSIDE" });

    const recorded = await recordResolution(c.street!, meeting.id, {
      agenda_item_id: agendaItem,
      text: "社区与部门共同落实",
      action_items: [
        { ...item, owner_kind: "community", owner_community_code: community, owner_user_id: ids.staff! },
        { ...item, owner_kind: "department", owner_department_id: ids.department!, owner_user_id: ids.departmentStaff! },
      ],
    });
    const items = recorded.agenda[0]!.resolutions.at(-1)!.action_items;
    expect(items.map((x) => [x.owner_kind, x.owner_unit_name])).toEqual(
      expect.arrayContaining([
        ["community", expect.any(String)],
        ["department", "金水区民政局"],
      ]),
    );

    // the department's person sees and reports it, with a completion note that is kept
    const departmentItem = items.find((x) => x.owner_kind === "department") as ActionItem;
    const mine = (await c.departmentStaff!.get(`/api/v1/action-items/${departmentItem.id}`)).json<ActionItem>();
    expect(mine.can_report).toBe(true);
    const done = await c.departmentStaff!.post(`/api/v1/action-items/${departmentItem.id}/done`, {
      version: mine.version,
      note: "已走访 12 户\n台账已归档",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<ActionItem>().done_note).toBe("已走访 12 户\n台账已归档");
    const seen = (await c.street!.get(`/api/v1/action-items/${departmentItem.id}`)).json<ActionItem>();
    expect(seen.done_note).toBe("已走访 12 户\n台账已归档");
    expect(seen.updates?.find((u) => u.kind === "done")?.text).toBe("已走访 12 户\n台账已归档");
  });

  it("does not let a community meeting hand an item to a department", async () => {
    const convened = await conveneMeeting(c.communityConvener!, { area_code: community, schedule: true });
    const held = (
      await c.communityConvener!.patch(`/api/v1/meetings/${convened.id}`, { version: convened.version, status: "held" })
    ).json<Meeting>();
    const refused = await c.communityConvener!.post(`/api/v1/meetings/${held.id}/resolutions`, {
      agenda_item_id: held.agenda[0]!.id,
      text: "部门牵头",
      action_items: [
        {
          owner_kind: "department",
          owner_department_id: ids.department,
          owner_user_id: ids.departmentStaff,
          due_on: "2026-03-20",
          expected_result: "x",
        },
      ],
    });
    expect(refused.json().errors[0]).toMatchObject({ code: "OWNER_DEPARTMENT_OUTSIDE" });
  });
});

describe("convening", () => {
  it("convenes a meeting with no agenda rows", async () => {
    const meeting = await conveneMeeting(c.street!, { area_code: street, agenda: [] });
    expect(meeting.agenda).toEqual([]);
  });
});
