import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import type { CalendarTokenCreated } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";

/** Calendar feeds: the private token (created, shown once, revoked), both feeds parsed by ical.js and node-ical. */

const clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
let staff: ReturnType<typeof as>;
let resident: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  const account = await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }]);
  staff = as(t.app, await signIn(t.app, account.login));
  const reporter = await buildUser(t.ctx, [{ role: "resident", area_code: "410105007002" }]);
  resident = as(t.app, await signIn(t.app, reporter.login));
});

afterAll(async () => {
  await t.close();
});

/** Instants of every VEVENT per UID, as both libraries read them. */
function instants(feed: string) {
  const component = new ICAL.Component(ICAL.parse(feed));
  for (const zone of component.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const fromIcalJs = Object.fromEntries(
    component
      .getAllSubcomponents("vevent")
      .map((vevent) => new ICAL.Event(vevent))
      .map((event) => [event.uid, [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()]]),
  );
  const fromNodeIcal = Object.fromEntries(
    Object.values(nodeIcal.sync.parseICS(feed))
      .filter((entry) => entry?.type === "VEVENT")
      .map((entry) => {
        const event = entry;
        return [event.uid, [event.start.toISOString(), event.end?.toISOString()]];
      }),
  );
  return { fromIcalJs, fromNodeIcal };
}

describe("calendar feeds", () => {
  it("serves an area's public feed as a valid calendar (no meetings here); 404 for an unknown area", async () => {
    const response = await t.app.inject({ method: "GET", url: "/calendar/areas/410105007.ics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.body).toContain("BEGIN:VTIMEZONE");
    const { fromIcalJs, fromNodeIcal } = instants(response.body);
    expect(fromIcalJs).toEqual(fromNodeIcal);
    expect((await t.app.inject({ method: "GET", url: "/calendar/areas/999999999.ics" })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/calendar/areas/abc.ics" })).statusCode).toBe(404);
  });

  it("creates a private feed token shown once, lists the user's referral deadlines, and revokes it", async () => {
    expect((await staff.get("/api/v1/me/calendar-token")).json()).toEqual({ active: false, created_at: null });
    const need = await resident.post("/api/v1/needs", { category: "elderly_care", description: "需要助餐服务（测试）", urgency: "normal" });
    expect(need.statusCode, need.body).toBe(201);
    const created = await staff.post("/api/v1/me/calendar-token");
    expect(created.statusCode).toBe(201);
    const { token, path } = created.json<CalendarTokenCreated>();
    expect(path).toBe(`/calendar/users/${token}.ics`);
    expect((await staff.get("/api/v1/me/calendar-token")).json()).toMatchObject({ active: true });

    const feed = await t.app.inject({ method: "GET", url: path });
    expect(feed.statusCode).toBe(200);
    const { fromIcalJs, fromNodeIcal } = instants(feed.body);
    expect(Object.keys(fromIcalJs).length).toBeGreaterThan(0);
    expect(fromIcalJs).toEqual(fromNodeIcal);
    expect(feed.body).not.toContain("需要助餐服务");

    const replaced = (await staff.post("/api/v1/me/calendar-token")).json<CalendarTokenCreated>();
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    expect((await staff.delete("/api/v1/me/calendar-token")).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: replaced.path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/calendar/users/not-a-token.ics" })).statusCode).toBe(404);
  });
});
