import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Me } from "@sanshe/contracts";
import { as, createTestApp, signIn as signInOverHttp, testPassword, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "./test/factories.js";
import { signIn } from "./service.js";

/**
 * QUALITY.md §2 (sessions expire on idle, failed logins lock the account, every attempt audited) and
 * §3 (bad input is a clear 4xx) for POST/DELETE /api/v1/session and GET /api/v1/me.
 */

const maxFailures = 3;
const start = new Date("2026-03-02T09:00:00+08:00");
let clock = start.getTime();
const now = () => new Date(clock);
const advanceMinutes = (minutes: number) => {
  clock += minutes * 60_000;
};

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SANSHE_LOGIN_MAX_FAILURES: String(maxFailures) }, { now });
});

afterAll(async () => {
  await t.close();
});

const wrongPassword = "Wrong-password-2026";

function postSession(payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: "POST", url: "/api/v1/session", payload: payload as object, headers });
}

function rawPostSession(body: string) {
  return t.app.inject({ method: "POST", url: "/api/v1/session", payload: body, headers: { "content-type": "application/json" } });
}

function setCookieHeader(response: { headers: Record<string, unknown> }): string {
  const header = response.headers["set-cookie"];
  return Array.isArray(header) ? header.join("\n") : typeof header === "string" ? header : "";
}

/** Audit rows of sign-in attempts for one login, oldest first. */
async function signInAudits(login: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "session.create"), sql`${auditLog.detail}->>'login' = ${login}`))
    .orderBy(asc(auditLog.id));
}

describe(signIn.name, () => {
  it("signs in, sets an HttpOnly SameSite=Lax cookie, serves /me, and ends the session on logout", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const response = await postSession({ login: user.login, password: testPassword });
    expect(response.statusCode).toBe(200);
    const me = response.json<Me>();
    expect(me.user).toMatchObject({ id: user.id, login: user.login });
    expect(me.memberships).toEqual([expect.objectContaining({ role: "official", area_code: "410105007", area_name: "南阳新村街道" })]);
    expect(me.permissions).toContain("areas.read");
    expect(me.permissions).not.toContain("users.admin");

    const setCookie = setCookieHeader(response);
    expect(setCookie).toMatch(/sanshe_session=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    const cookieValue = response.cookies.find((cookie) => cookie.name === "sanshe_session")?.value;
    expect(cookieValue).toBeTruthy();
    const client = as(t.app, `sanshe_session=${cookieValue}`);

    const meResponse = await client.get("/api/v1/me");
    expect(meResponse.statusCode).toBe(200);
    expect(meResponse.json<Me>().user.id).toBe(user.id);

    const logout = await client.delete("/api/v1/session");
    expect(logout.statusCode).toBe(204);

    const logouts = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "session.delete"), eq(auditLog.entityId, user.id)));
    expect(logouts.map((row) => ({ outcome: row.outcome, actorId: row.actorId }))).toEqual([{ outcome: "success", actorId: user.id }]);

    const replay = await client.get("/api/v1/me");
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("UNAUTHENTICATED");
    const replayedLogout = await client.delete("/api/v1/session");
    expect(replayedLogout.statusCode).toBe(401);
    expect(replayedLogout.json().code).toBe("UNAUTHENTICATED");
  });

  it("accepts the login in another case and with surrounding spaces", async () => {
    const user = await buildUser(t.ctx, [{ role: "resident", area_code: "410105007002" }]);
    const response = await postSession({ login: `  ${user.login.toUpperCase()} `, password: testPassword });
    expect(response.statusCode).toBe(200);
    expect(response.json<Me>().user.id).toBe(user.id);
  });

  it("refuses a wrong password with INVALID_CREDENTIALS and sets no cookie", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    const response = await postSession({ login: user.login, password: wrongPassword });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("INVALID_CREDENTIALS");
    expect(response.cookies.find((cookie) => cookie.name === "sanshe_session")).toBeUndefined();
  });

  it("refuses an unknown login with the same INVALID_CREDENTIALS", async () => {
    const response = await postSession({ login: "nobody-by-this-name", password: testPassword });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a disabled account with INVALID_CREDENTIALS even with the right password", async () => {
    const admin = await buildUser(t.ctx, [{ role: "admin", area_code: "4101" }]);
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    const adminClient = as(t.app, await signInOverHttp(t.app, admin.login));
    const disabled = await adminClient.patch(`/api/v1/users/${user.id}`, { version: 1, data: { status: "disabled" } });
    expect(disabled.statusCode).toBe(200);

    const response = await postSession({ login: user.login, password: testPassword });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("INVALID_CREDENTIALS");
    expect(response.cookies.find((cookie) => cookie.name === "sanshe_session")).toBeUndefined();
  });

  it("locks the account after the configured number of wrong passwords, then lets the right password in once the lock time has passed", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    for (let attempt = 0; attempt < maxFailures; attempt += 1) {
      const response = await postSession({ login: user.login, password: wrongPassword });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe("INVALID_CREDENTIALS");
    }
    const locked = await postSession({ login: user.login, password: testPassword });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe("INVALID_CREDENTIALS");
    expect(locked.cookies.find((cookie) => cookie.name === "sanshe_session")).toBeUndefined();

    advanceMinutes(t.config.loginLockMs / 60_000 - 1);
    const stillLocked = await postSession({ login: user.login, password: testPassword });
    expect(stillLocked.statusCode).toBe(401);
    expect(stillLocked.json().code).toBe("INVALID_CREDENTIALS");

    advanceMinutes(2);
    const unlocked = await postSession({ login: user.login, password: testPassword });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json<Me>().user.id).toBe(user.id);
  });

  it("answers a locked account exactly like an unknown login, so lockout does not reveal which logins exist", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    for (let attempt = 0; attempt < maxFailures; attempt += 1) {
      await postSession({ login: user.login, password: wrongPassword });
    }
    const locked = await postSession({ login: user.login, password: wrongPassword });
    const unknown = await postSession({ login: "nobody-by-this-name", password: wrongPassword });
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(locked.statusCode).toBe(unknown.statusCode);
    expect(strip(locked.json())).toEqual(strip(unknown.json()));
    expect(locked.statusCode).toBe(401);
    // The right password does not get in while the lock lasts, and still looks the same.
    const rightButLocked = await postSession({ login: user.login, password: testPassword });
    expect(strip(rightButLocked.json())).toEqual(strip(unknown.json()));
  });

  it("locks the account when the wrong passwords arrive all at once", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    const attempts = await Promise.all(
      Array.from({ length: maxFailures }, () => postSession({ login: user.login, password: wrongPassword })),
    );
    expect(attempts.map((response) => response.statusCode)).toEqual(Array.from({ length: maxFailures }, () => 401));
    const locked = await postSession({ login: user.login, password: testPassword });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe("INVALID_CREDENTIALS");
  });

  it("does not lock an account whose wrong passwords were interrupted by a successful sign-in", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    for (let attempt = 0; attempt < maxFailures - 1; attempt += 1) {
      expect((await postSession({ login: user.login, password: wrongPassword })).statusCode).toBe(401);
    }
    expect((await postSession({ login: user.login, password: testPassword })).statusCode).toBe(200);
    expect((await postSession({ login: user.login, password: wrongPassword })).statusCode).toBe(401);
    expect((await postSession({ login: user.login, password: testPassword })).statusCode).toBe(200);
  });

  it("ends a session that stays idle longer than SANSHE_SESSION_IDLE_MINUTES", async () => {
    const idleMinutes = t.config.sessionIdleMs / 60_000;
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    const client = as(t.app, await signInOverHttp(t.app, user.login));

    advanceMinutes(idleMinutes - 1);
    expect((await client.get("/api/v1/me")).statusCode).toBe(200);

    // The use above renewed the idle window.
    advanceMinutes(idleMinutes - 1);
    expect((await client.get("/api/v1/me")).statusCode).toBe(200);

    advanceMinutes(idleMinutes + 1);
    const expired = await client.get("/api/v1/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("UNAUTHENTICATED");
  });

  it("ends a session at SANSHE_SESSION_MAX_HOURS however often it is used", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    const client = as(t.app, await signInOverHttp(t.app, user.login));
    const step = t.config.sessionIdleMs / 60_000 - 1;
    let elapsed = 0;
    while (elapsed + step < t.config.sessionMaxMs / 60_000) {
      advanceMinutes(step);
      elapsed += step;
      expect((await client.get("/api/v1/me")).statusCode).toBe(200);
    }
    advanceMinutes(step);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("unlocks a locked account when an administrator sets a new password", async () => {
    const admin = await buildUser(t.ctx, [{ role: "admin", area_code: "410105" }]);
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    for (let attempt = 0; attempt < maxFailures; attempt += 1) {
      await postSession({ login: user.login, password: wrongPassword });
    }
    expect((await postSession({ login: user.login, password: testPassword })).statusCode).toBe(401);
    const adminClient = as(t.app, await signInOverHttp(t.app, admin.login));
    expect((await adminClient.post(`/api/v1/users/${user.id}/password`, { password: "Fresh-password-2026" })).statusCode).toBe(204);
    expect((await postSession({ login: user.login, password: "Fresh-password-2026" })).statusCode).toBe(200);
  });

  it("audits every attempt as session.create with its outcome and never the password", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    expect((await postSession({ login: user.login, password: wrongPassword })).statusCode).toBe(401);
    expect((await postSession({ login: user.login, password: testPassword })).statusCode).toBe(200);
    expect((await postSession({ login: "ghost-account", password: wrongPassword })).statusCode).toBe(401);

    const rows = await signInAudits(user.login);
    expect(rows.map((row) => ({ outcome: row.outcome, entityId: row.entityId }))).toEqual([
      { outcome: "failure", entityId: user.id },
      { outcome: "success", entityId: user.id },
    ]);
    const ghost = await signInAudits("ghost-account");
    expect(ghost.map((row) => ({ outcome: row.outcome, entityId: row.entityId }))).toEqual([{ outcome: "failure", entityId: null }]);

    const everything = JSON.stringify(
      await t.database.db.select().from(auditLog).where(eq(auditLog.action, "session.create")),
      (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    );
    expect(everything).not.toContain(testPassword);
    expect(everything).not.toContain(wrongPassword);
  });

  it("audits attempts on a locked account, and on a disabled one, as session.create without success", async () => {
    const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
    for (let attempt = 0; attempt < maxFailures; attempt += 1) {
      await postSession({ login: user.login, password: wrongPassword });
    }
    expect((await postSession({ login: user.login, password: testPassword })).statusCode).toBe(401);
    const rows = await signInAudits(user.login);
    expect(rows).toHaveLength(maxFailures + 1);
    expect(rows.every((row) => row.outcome !== "success")).toBe(true);
  });
});

describe("POST /api/v1/session input", () => {
  it("refuses missing fields with VALIDATION_FAILED naming body.login", async () => {
    const response = await postSession({});
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ code: string; errors: Array<{ path: string; code: string }> }>();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors.map((error) => error.path)).toContain("body.login");
    expect(problem.errors.map((error) => error.path)).toContain("body.password");
  });

  it("refuses an unknown field", async () => {
    const response = await postSession({ login: "someone", password: testPassword, role: "admin" });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("refuses a body carrying __proto__", async () => {
    const response = await rawPostSession('{"login":"a","password":"b","__proto__":{"x":1}}');
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("MALFORMED_REQUEST");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses malformed JSON with MALFORMED_REQUEST", async () => {
    const response = await rawPostSession('{"login":"a","password":');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("MALFORMED_REQUEST");
  });

  it("refuses a login that is too long rather than looking it up", async () => {
    const response = await postSession({ login: "a".repeat(65), password: testPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("refuses a login with a NUL character with VALIDATION_FAILED, not a driver error", async () => {
    const response = await postSession({ login: "demo\u0000admin", password: testPassword });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("answers in English when Accept-Language asks for it", async () => {
    const body = { login: "nobody-by-this-name", password: wrongPassword };
    const chinese = (await postSession(body)).json<{ code: string; detail: string }>();
    const english = (await postSession(body, { "accept-language": "en-US,en;q=0.9" })).json<{ code: string; detail: string }>();
    expect(english.code).toBe("INVALID_CREDENTIALS");
    expect(chinese.code).toBe("INVALID_CREDENTIALS");
    expect(english.detail).not.toBe(chinese.detail);
  });
});
