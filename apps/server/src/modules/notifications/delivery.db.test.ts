import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { NotificationPreferences } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { logMailer, type MailMessage, type Mailer } from "../../platform/mail/index.js";
import { buildUser } from "../users/test/factories.js";
import { notify, sendDigests, sendPendingEmails } from "./index.js";
import { notifications } from "./schema.js";

/** Preferences, the e-mail outbox (immediate, retried) and the daily digest (once per day), with an injected clock. */

let clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
const sent: MailMessage[] = [];
const mailer = logMailer({ info: (object) => sent.push((object as { mail: MailMessage }).mail) });
const failing: Mailer = {
  send: async () => {
    throw new Error("SMTP down");
  },
};

type Person = { id: string; client: ReturnType<typeof as> };
let immediate: Person;
let digest: Person;
let silent: Person;

async function person(): Promise<Person> {
  const account = await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }]);
  return { id: account.id, client: as(t.app, await signIn(t.app, account.login)) };
}

async function prefs(who: Person, body: Record<string, unknown>) {
  const current = (await who.client.get("/api/v1/me/notification-preferences")).json<NotificationPreferences>();
  const response = await who.client.put("/api/v1/me/notification-preferences", { version: current.version, ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NotificationPreferences>();
}

const send = (recipients: string[], title: string) =>
  notify(t.ctx, { recipients, areaCode: "410105007002", kind: "test", title, body: `${title} 正文` });
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const hour = 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  immediate = await person();
  digest = await person();
  silent = await person();
});

afterAll(async () => {
  await t.close();
});

describe("preferences", () => {
  it("default to immediate e-mail; save with the version, mask the address, 409 when stale", async () => {
    const initial = (await immediate.client.get("/api/v1/me/notification-preferences")).json<NotificationPreferences>();
    expect(initial).toEqual({ delivery: "immediately", email_enabled: true, email_masked: null, version: 0 });
    const saved = await prefs(immediate, { delivery: "immediately", email_enabled: true, email: "zhang.san@example.org" });
    expect(saved).toEqual({ delivery: "immediately", email_enabled: true, email_masked: "z***@example.org", version: 1 });
    const stale = await immediate.client.put("/api/v1/me/notification-preferences", {
      delivery: "daily_digest",
      email_enabled: true,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await immediate.client.put("/api/v1/me/notification-preferences", { delivery: "x", email_enabled: true, version: 1 })).statusCode,
    ).toBe(400);
    await prefs(digest, { delivery: "daily_digest", email_enabled: true, email: "li.si@example.org" });
    await prefs(silent, { delivery: "immediately", email_enabled: false, email: "wang.wu@example.org" });
  });
});

describe(sendPendingEmails.name, () => {
  it("e-mails each committed notification once to immediate users only; a failing transport retries later without losing it", async () => {
    await send([immediate.id, digest.id, silent.id], "甲");
    expect(await sendPendingEmails(t.ctx, failing)).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.ctx.db.select().from(notifications).where(eq(notifications.recipientId, immediate.id));
    expect(row).toMatchObject({ emailedAt: null, emailAttempts: 1 });
    expect(await sendPendingEmails(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 }); // backing off
    advance(61_000);
    expect(await sendPendingEmails(t.ctx, mailer)).toEqual({ sent: 1, failed: 0 });
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([["zhang.san@example.org", "甲"]]);
    expect(await sendPendingEmails(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
  });

  it("two sweeps at once send each notification once (the CLI and the server together)", async () => {
    sent.length = 0;
    await send([immediate.id], "并发");
    const results = await Promise.all([sendPendingEmails(t.ctx, mailer), sendPendingEmails(t.ctx, mailer)]);
    expect(results.reduce((total, result) => total + result.sent, 0)).toBe(1);
    expect(sent.map((mail) => mail.subject)).toEqual(["并发"]);
  });
});

describe(sendDigests.name, () => {
  it("groups the day's notifications into one e-mail, marks them, and never sends twice in a digest day", async () => {
    sent.length = 0;
    advance(hour);
    await send([digest.id], "乙");
    advance(60_000);
    await send([digest.id], "丙");
    // 2026-03-02 ~11:00 Beijing: the first digest of the day.
    expect(await sendDigests(t.ctx, mailer)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("li.si@example.org");
    expect(sent[0]?.text).toMatch(/甲[\s\S]*乙[\s\S]*丙/);
    expect(await sendDigests(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
    advance(hour);
    await send([digest.id], "丁");
    expect(await sendDigests(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
    expect(await sendPendingEmails(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
    // Next day after 08:00 Beijing: 丁 alone; a failed send is retried by the next sweep.
    clock = new Date("2026-03-03T00:30:00Z");
    expect(await sendDigests(t.ctx, failing)).toEqual({ sent: 0, failed: 1 });
    expect(await sendDigests(t.ctx, mailer)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(2);
    expect(sent[1]?.text).toContain("丁");
    expect(sent[1]?.text).not.toContain("乙");
    expect(await sendDigests(t.ctx, mailer)).toEqual({ sent: 0, failed: 0 });
  });

  it("leaves the notifications of users who turned e-mail off unsent", async () => {
    const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.recipientId, silent.id));
    expect(rows.map((row) => row.emailedAt)).toEqual([null]);
  });
});
