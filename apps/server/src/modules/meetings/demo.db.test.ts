import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import type { ActionItemPage, CalendarTokenCreated, Meeting, MeetingPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { queryRows } from "../../platform/db/client.js";
import { modules } from "../registry.js";

/**
 * The demo joint meetings for every demo role: action items in every state, the overdue one escalated
 * once, and scope — street and community read their meetings, the agency and the worker only those
 * they are invited to or own items of, other districts and evaluators get 404.
 */

let t: TestApp;
const logins = [
  "demo-street",
  "demo-community",
  "demo-org",
  "demo-worker",
  "demo-district-erqi",
  "demo-evaluator",
  "demo-resident",
] as const;
const clients = new Map<string, ReturnType<typeof as>>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const login of logins) {
    clients.set(login, as(t.app, await signIn(t.app, login)));
  }
}, 240_000);

afterAll(async () => {
  await t.close();
});

const client = (login: (typeof logins)[number]) => clients.get(login) as ReturnType<typeof as>;

describe("demo meetings", () => {
  it("hold action items in every state, the overdue one escalated once", async () => {
    const rows = await queryRows<{ state: string; n: number }>(
      t.database.db,
      sql`SELECT CASE WHEN status = 'open' AND due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date THEN 'overdue'
                      WHEN status = 'open' AND returned_reason IS NOT NULL THEN 'returned'
                      ELSE status END AS state, count(*)::int AS n
          FROM action_items GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.state, row.n]))).toEqual({ closed: 2, done: 1, open: 1, overdue: 1, returned: 1 });
    const [escalations] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM action_item_escalations`);
    expect(escalations?.n).toBe(1);
  });

  it("are read by the street and community in scope, by providers only where invited, by nobody outside", async () => {
    const titles = async (login: (typeof logins)[number]) =>
      (await client(login).get("/api/v1/meetings")).json<MeetingPage>().items.map((m) => m.status);
    expect((await titles("demo-street")).sort()).toEqual(["draft", "held", "minuted", "scheduled"]);
    expect((await titles("demo-community")).sort()).toEqual(["draft", "held", "minuted", "scheduled"]);
    expect((await titles("demo-org")).sort()).toEqual(["held", "minuted", "scheduled"]);
    expect((await titles("demo-worker")).sort()).toEqual(["held", "minuted", "scheduled"]);
    expect(await titles("demo-district-erqi")).toEqual([]);
    expect(await titles("demo-evaluator")).toEqual([]);
    expect((await client("demo-resident").get("/api/v1/meetings")).statusCode).toBe(403);

    const upcoming = (await client("demo-street").get("/api/v1/meetings?status=scheduled")).json<MeetingPage>().items[0];
    const detail = (await client("demo-street").get(`/api/v1/meetings/${upcoming?.id}`)).json<Meeting>();
    expect(detail.overdue_action_items).toHaveLength(1);
    expect((await client("demo-district-erqi").get(`/api/v1/meetings/${upcoming?.id}`)).statusCode).toBe(404);
    expect((await client("demo-evaluator").get(`/api/v1/meetings/${upcoming?.id}`)).statusCode).toBe(404);
    expect((await client("demo-evaluator").get("/api/v1/meetings/history?area_code=410105007")).statusCode).toBe(200);
    expect((await client("demo-district-erqi").get("/api/v1/meetings/history?area_code=410105007")).statusCode).toBe(404);
  });

  it("give demo-org and demo-worker their own action items", async () => {
    const mine = async (login: (typeof logins)[number]) =>
      (await client(login).get("/api/v1/action-items"))
        .json<ActionItemPage>()
        .items.map((i) => i.status)
        .sort();
    expect(await mine("demo-org")).toEqual(["closed", "open"]);
    expect(await mine("demo-worker")).toEqual(["done", "open"]);
    expect(await mine("demo-community")).toEqual(["closed", "open"]);
    const other = (await client("demo-org").get("/api/v1/action-items")).json<ActionItemPage>().items[0];
    expect((await client("demo-district-erqi").get(`/api/v1/action-items/${other?.id}`)).statusCode).toBe(404);
  });
});

describe("demo meetings in calendars", () => {
  /** UID → [start, end] per VEVENT as ical.js and node-ical read a feed. */
  function instants(feed: string) {
    const component = new ICAL.Component(ICAL.parse(feed));
    for (const zone of component.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(zone);
    }
    const fromIcalJs = Object.fromEntries(
      component
        .getAllSubcomponents("vevent")
        .map((vevent) => new ICAL.Event(vevent))
        .map((event) => [event.uid, event.startDate.toJSDate().getTime()]),
    );
    const fromNodeIcal = Object.fromEntries(
      Object.values(nodeIcal.sync.parseICS(feed))
        .filter((entry) => entry?.type === "VEVENT")
        .map((entry) => [entry.uid, entry.start.getTime()]),
    );
    return { fromIcalJs, fromNodeIcal };
  }

  it("publish the street's meetings (not drafts) in its public feed, parsed alike by ical.js and node-ical", async () => {
    const feed = await t.app.inject({ method: "GET", url: "/calendar/areas/410105007.ics" });
    expect(feed.statusCode).toBe(200);
    const { fromIcalJs, fromNodeIcal } = instants(feed.body);
    expect(Object.keys(fromIcalJs).filter((uid) => uid.startsWith("meeting-"))).toHaveLength(3);
    expect(fromIcalJs).toEqual(fromNodeIcal);
    // No invitees and no minutes in a public feed.
    expect(feed.body).not.toContain("demo-");
  });

  it("put the agency's meetings and its action items' due dates in demo-org's private feed", async () => {
    const created = await client("demo-org").post("/api/v1/me/calendar-token");
    expect(created.statusCode).toBe(201);
    const feed = await t.app.inject({ method: "GET", url: created.json<CalendarTokenCreated>().path });
    const { fromIcalJs, fromNodeIcal } = instants(feed.body);
    const uids = Object.keys(fromIcalJs);
    expect(uids.filter((uid) => uid.startsWith("meeting-"))).toHaveLength(3);
    expect(uids.filter((uid) => uid.startsWith("action-item-")).length).toBeGreaterThan(0);
    expect(fromIcalJs).toEqual(fromNodeIcal);
  });
});
