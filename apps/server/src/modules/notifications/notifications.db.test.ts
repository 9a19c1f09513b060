import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notification, NotificationPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { notify } from "./index.js";

/** Notifications over HTTP: each user sees and marks only their own; keyset pages; unread count. */

let clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let alice: { id: string; client: Client };
let bob: { id: string; client: Client };

async function user(role: "official" | "resident", area: string) {
  const account = await buildUser(t.ctx, [{ role, area_code: area }]);
  return { id: account.id, client: as(t.app, await signIn(t.app, account.login)) };
}

async function send(recipients: string[], title: string) {
  clock = new Date(clock.getTime() + 60_000);
  await notify(t.ctx, { recipients, areaCode: "410105007002", kind: "test", title, body: `${title} 正文`, link: "/needs" });
}

const page = async (who: Client, query = "") => {
  const response = await who.get(`/api/v1/notifications${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<NotificationPage>();
};

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  alice = await user("official", "410105007");
  bob = await user("resident", "410105007002");
  await send([alice.id, bob.id, alice.id], "一");
  await send([alice.id], "二");
  await send([alice.id], "三");
  await send([bob.id], "仅 Bob");
});

afterAll(async () => {
  await t.close();
});

describe("notifications", () => {
  it("lists only mine, newest first, keyset-paginated, with the unread count", async () => {
    const first = await page(alice.client, "?limit=2");
    expect(first.items.map((n) => n.title)).toEqual(["三", "二"]);
    expect(first.unread_count).toBe(3);
    expect(first.next_cursor).not.toBeNull();
    const second = await page(alice.client, `?limit=2&cursor=${first.next_cursor}`);
    expect(second.items.map((n) => n.title)).toEqual(["一"]);
    expect(second.next_cursor).toBeNull();
    const bobs = await page(bob.client);
    expect(bobs.items.map((n) => n.title)).toEqual(["仅 Bob", "一"]);
    expect(bobs.unread_count).toBe(2);
  });

  it("marks one read (someone else's: 404), then all read", async () => {
    const [newest] = (await page(alice.client)).items;
    const bobsNewest = (await page(bob.client)).items[0] as Notification;
    expect((await bob.client.post(`/api/v1/notifications/${newest?.id}/read`)).statusCode).toBe(404);
    expect((await alice.client.post(`/api/v1/notifications/${bobsNewest.id}/read`)).statusCode).toBe(404);
    const read = await alice.client.post(`/api/v1/notifications/${newest?.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Notification>().read_at).toBe(clock.toISOString());
    expect((await alice.client.post(`/api/v1/notifications/${newest?.id}/read`)).statusCode).toBe(200);
    const after = await page(alice.client, "?unread=1");
    expect(after.unread_count).toBe(2);
    expect(after.items.map((n) => n.title)).toEqual(["二", "一"]);
    expect((await alice.client.post("/api/v1/notifications/read-all")).json()).toEqual({ updated: 2 });
    expect((await page(alice.client)).unread_count).toBe(0);
    expect((await page(bob.client)).unread_count).toBe(2);
  });

  it("lists with a constant number of queries", async () => {
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      await page(alice.client, `?limit=${limit}`);
      return t.database.stats.queries - before;
    };
    expect(await count(1)).toBe(await count(50));
  });

  it("requires a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/notifications" })).statusCode).toBe(401);
  });
});
