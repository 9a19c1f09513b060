import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NeedDetail, NotificationPage, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { deliverPending, type DeliveryChannel, type DeliveryMessage } from "../../notifications/index.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { buildUser } from "../../users/test/factories.js";

/**
 * Issue 17: a resident learns that their need waits for their confirmation (the only thing that closes
 * it) in the app and, with an address on file, through the delivery channels; nobody else is told.
 */

let t: TestApp;
type Client = ReturnType<typeof as>;
const community = "410105007002";
let resident: Client;
let residentId: string;
let otherResident: Client;
let staff: Client;
let orgStaff: Client;

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ id: string; client: Client }> {
  const user = await buildUser(t.ctx, grants);
  return { id: user.id, client: as(t.app, await signIn(t.app, user.login)) };
}

async function ok(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function unread(who: Client): Promise<NotificationPage> {
  const response = await who.get("/api/v1/notifications?unread=1&limit=50");
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NotificationPage>();
}

/** The organization accepts, records a service and completes the need's open referral. */
async function serveAndComplete(needId: string): Promise<void> {
  const detail = (await staff.get(`/api/v1/needs/${needId}`)).json<NeedDetail>();
  const referral = detail.referrals.find((r) => r.status === "pending") as Referral;
  await ok(await orgStaff.post(`/api/v1/referrals/${referral.id}/accept`));
  await ok(
    await orgStaff.post(`/api/v1/referrals/${referral.id}/service-records`, {
      served_on: "2026-03-02",
      minutes: 30,
      party_kind: "organization",
      party_name: "服务方",
    }),
  );
  await ok(await orgStaff.post(`/api/v1/referrals/${referral.id}/complete`));
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  const me = await client([{ role: "resident", area_code: community }]);
  resident = me.client;
  residentId = me.id;
  otherResident = (await client([{ role: "resident", area_code: community }])).client;
  staff = (await client([{ role: "community_staff", area_code: community }])).client;
  orgStaff = (await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }])).client;
  const street = (await client([{ role: "official", area_code: "410105007" }])).client;
  const rule = await street.post("/api/v1/routing-rules", {
    area_code: "410105007",
    position: 1,
    category: "counseling",
    resident_groups: null,
    area_prefix: null,
    tier: "professional",
    provider_kind: "organization",
    provider_id: org.id,
    enabled: true,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe("a need awaiting the resident's confirmation", () => {
  it("notifies the resident who reported it, and only them, with a link to 我的需求", async () => {
    const before = (await unread(resident)).unread_count;
    const othersBefore = (await unread(otherResident)).unread_count;
    const reported = (await resident.post("/api/v1/needs", { category: "counseling", description: "想找人聊聊" })).json<NeedDetail>();
    // Reported and accepted: nothing to confirm yet, nothing said.
    expect((await unread(resident)).unread_count).toBe(before);
    await serveAndComplete(reported.id);

    const page = await unread(resident);
    expect(page.unread_count).toBe(before + 1);
    const [notice] = page.items;
    expect(notice).toMatchObject({ kind: "need_awaiting_confirmation", link: "/my-needs" });
    expect(notice?.title).toContain("请确认");
    // Another resident (who would gain from reading someone else's service) hears nothing.
    expect((await unread(otherResident)).unread_count).toBe(othersBefore);
  });

  it("is delivered once through every channel that reaches the resident (e-mail and any adapter listed)", async () => {
    const current = (await resident.get("/api/v1/me/notification-preferences")).json<{ version: number }>();
    await ok(
      await resident.put("/api/v1/me/notification-preferences", {
        version: current.version,
        delivery: "immediately",
        email_enabled: true,
        email: "resident@example.cn",
      }),
    );
    const sent: { channel: string; to: string; message: DeliveryMessage }[] = [];
    const recording = (name: string, reaches: boolean): DeliveryChannel => ({
      name,
      canReach: () => reaches,
      send: async (user, message) => {
        sent.push({ channel: name, to: user.id, message });
      },
    });
    // A second adapter (as an SMS sender would be) is one more entry in the list; one that cannot reach is skipped.
    const channels = [recording("email", true), recording("sms", true), recording("wechat", false)];
    // What was waiting before the address was set goes out first.
    await deliverPending(t.ctx, channels);
    sent.length = 0;
    const reported = (await resident.post("/api/v1/needs", { category: "counseling", description: "邻里纠纷想调解" })).json<NeedDetail>();
    await serveAndComplete(reported.id);
    await deliverPending(t.ctx, channels);
    const mine = sent.filter((entry) => entry.to === residentId && entry.message.subject.includes("请确认"));
    expect(mine.map((entry) => entry.channel).sort()).toEqual(["email", "sms"]);
    expect(mine[0]?.message.text).toContain("/my-needs");
    // Exactly once: the next sweep sends nothing of it again.
    sent.length = 0;
    await deliverPending(t.ctx, channels);
    expect(sent.filter((entry) => entry.to === residentId)).toEqual([]);
  });
});
