import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { User, UserPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { users } from "../../platform/auth/index.js";
import { buildUser } from "./test/factories.js";
import { addMembership, createUser, removeMembership, resetPassword, updateUser } from "./service.js";
import { listUsers } from "./queries.js";

/**
 * User administration over HTTP (QUALITY.md §1 scope and grants, §3 bad input, repetition and races).
 * cityAdmin holds admin@4101, districtAdmin admin@410105.
 */

let t: TestApp;
let cityAdmin: { id: string; login: string };
let districtAdmin: { id: string; login: string };
let city: ReturnType<typeof as>;
let district: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  cityAdmin = await buildUser(t.ctx, [{ role: "admin", area_code: "4101" }]);
  districtAdmin = await buildUser(t.ctx, [{ role: "admin", area_code: "410105" }]);
  city = as(t.app, await signIn(t.app, cityAdmin.login));
  district = as(t.app, await signIn(t.app, districtAdmin.login));
});

afterAll(async () => {
  await t.close();
});

let sequence = 0;
/** A unique, valid create body. */
function newUser(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    login: `staff-${String(sequence).padStart(3, "0")}`,
    display_name: `测试员 ${sequence}`,
    password: "Created-pass-2026",
    memberships: [{ role: "official", area_code: "410105007" }],
    ...overrides,
  };
}

async function auditCount(action: string, entityId?: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return row?.n ?? 0;
}

async function userCount(login: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.login, login));
  return row?.n ?? 0;
}

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } },
  status: number,
  code: string,
) {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
  expect(String(response.headers["content-type"])).toContain("application/problem+json");
}

describe(createUser.name, () => {
  it("creates an account with its memberships, area names filled, and audits it", async () => {
    const body = newUser({
      memberships: [
        { role: "official", area_code: "410105007" },
        { role: "community_staff", area_code: "410105007002" },
      ],
    });
    const response = await city.post("/api/v1/users", body);
    expect(response.statusCode).toBe(201);
    const created = response.json<User>();
    expect(created).toMatchObject({
      login: body.login,
      display_name: body.display_name,
      status: "active",
      version: 1,
      locked_until: null,
      last_login_at: null,
    });
    // Both memberships are created in the same instant: their order is not specified.
    expect(created.memberships).toHaveLength(2);
    expect(created.memberships.map((m) => ({ role: m.role, area_code: m.area_code, area_name: m.area_name }))).toEqual(
      expect.arrayContaining([
        { role: "official", area_code: "410105007", area_name: "南阳新村街道" },
        { role: "community_staff", area_code: "410105007002", area_name: expect.stringContaining("丰乐社区") },
      ]),
    );
    expect(JSON.stringify(created)).not.toContain("password");
    expect(await auditCount("users.create", created.id)).toBe(1);

    // The new account can sign in with the password it was given.
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { login: body.login, password: body.password } })).statusCode,
    ).toBe(200);
  });

  it("refuses a login that is already taken with LOGIN_TAKEN and writes no audit row", async () => {
    const body = newUser();
    expect((await city.post("/api/v1/users", body)).statusCode).toBe(201);
    const before = await auditCount("users.create");
    const again = await city.post("/api/v1/users", { ...newUser(), login: body.login.toUpperCase() });
    expectProblem(again, 409, "LOGIN_TAKEN");
    expect(await auditCount("users.create")).toBe(before);
    expect(await userCount(body.login)).toBe(1);
  });

  it("refuses to grant a scope outside the administrator's own with SCOPE_EXCEEDED", async () => {
    const body = newUser({ memberships: [{ role: "official", area_code: "410103" }] });
    expectProblem(await district.post("/api/v1/users", body), 403, "SCOPE_EXCEEDED");
    const wider = newUser({ memberships: [{ role: "admin", area_code: "4101" }] });
    expectProblem(await district.post("/api/v1/users", wider), 403, "SCOPE_EXCEEDED");
    expect(await userCount(body.login)).toBe(0);
    expect(await userCount(wider.login)).toBe(0);
  });

  it("refuses a resident at a street code with MEMBERSHIP_INVALID", async () => {
    const body = newUser({ memberships: [{ role: "resident", area_code: "410105007" }] });
    expectProblem(await city.post("/api/v1/users", body), 400, "MEMBERSHIP_INVALID");
    expect(await userCount(body.login)).toBe(0);
  });

  it("refuses a well-formed area code that does not exist with AREA_UNKNOWN", async () => {
    const body = newUser({ memberships: [{ role: "community_staff", area_code: "410105999999" }] });
    expectProblem(await district.post("/api/v1/users", body), 400, "AREA_UNKNOWN");
    expect(await userCount(body.login)).toBe(0);
  });

  it.each([
    ["status", "disabled"],
    ["version", 7],
    ["id", "00000000-0000-4000-8000-000000000001"],
    ["role", "admin"],
  ])("refuses %s at the top level of the body (mass assignment)", async (field, value) => {
    const body = newUser({ [field]: value });
    const response = await city.post("/api/v1/users", body);
    expectProblem(response, 400, "VALIDATION_FAILED");
    expect(response.json<{ errors: Array<{ path: string }> }>().errors.map((error) => error.path)).toContain(`body.${field}`);
    expect(await userCount(body.login)).toBe(0);
  });

  it.each([
    ["a NUL character", "张\u0000三"],
    ["a zero-width space", "张\u200B三"],
  ])("refuses a display name with %s with VALIDATION_FAILED", async (_what, displayName) => {
    const body = newUser({ display_name: displayName });
    const response = await city.post("/api/v1/users", body);
    expectProblem(response, 400, "VALIDATION_FAILED");
    expect(response.json<{ errors: Array<{ path: string }> }>().errors.map((error) => error.path)).toContain("body.display_name");
    expect(await userCount(body.login)).toBe(0);
  });

  it("stores 𠮷 and the middle dot of minority names, normalized to NFC and trimmed", async () => {
    const body = newUser({ display_name: "  阿·买买提 𠮷 Jose\u0301\t" });
    const response = await city.post("/api/v1/users", body);
    expect(response.statusCode).toBe(201);
    const expected = "阿·买买提 𠮷 José";
    expect(response.json<User>().display_name).toBe(expected);
    const [row] = await t.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.login, body.login));
    expect(row?.displayName).toBe(expected);
    expect(row?.displayName.normalize("NFC")).toBe(row?.displayName);
  });

  it("refuses a non-administrator with FORBIDDEN and a caller without a session with UNAUTHENTICATED", async () => {
    const official = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const client = as(t.app, await signIn(t.app, official.login));
    const body = newUser();
    expectProblem(await client.post("/api/v1/users", body), 403, "FORBIDDEN");
    expectProblem(await client.get("/api/v1/users"), 403, "FORBIDDEN");
    expectProblem(await t.app.inject({ method: "POST", url: "/api/v1/users", payload: body }), 401, "UNAUTHENTICATED");
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/users" }), 401, "UNAUTHENTICATED");
    expect(await userCount(body.login)).toBe(0);
  });
});

describe(listUsers.name, () => {
  const pageCount = 22;
  let erqiOnly: { id: string; login: string };

  beforeAll(async () => {
    for (let i = 0; i < pageCount; i += 1) {
      await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }], {
        login: `page-${String(i).padStart(2, "0")}`,
        display_name: `翻页用户${i}`,
      });
    }
    erqiOnly = await buildUser(t.ctx, [{ role: "official", area_code: "410103" }], { login: "list-erqi-only", display_name: "二七区专员" });
  });

  async function walk(client: ReturnType<typeof as>, query: string): Promise<{ logins: string[]; pages: number }> {
    const logins: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      const page: UserPage = response.json<UserPage>();
      logins.push(...page.items.map((user) => user.login));
      cursor = page.next_cursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { logins, pages };
  }

  it("shows an administrator only users with a membership inside their scope, and 404 for the others", async () => {
    const mine = await walk(district, "limit=200");
    expect(mine.logins).not.toContain(erqiOnly.login);
    expect(mine.logins).toContain("page-00");
    expectProblem(await district.get(`/api/v1/users/${erqiOnly.id}`), 404, "NOT_FOUND");

    const cityWide = await walk(city, "limit=200");
    expect(cityWide.logins).toContain(erqiOnly.login);
    expect((await city.get(`/api/v1/users/${erqiOnly.id}`)).statusCode).toBe(200);
  });

  it("answers 404 to an area filter outside the administrator's scope", async () => {
    expectProblem(await district.get("/api/v1/users?area_code=410103"), 404, "NOT_FOUND");
  });

  it("walks every page with limit=2 without duplicates or gaps", async () => {
    const { logins, pages } = await walk(district, "limit=2&q=page-");
    expect(logins).toHaveLength(pageCount);
    expect(new Set(logins).size).toBe(pageCount);
    expect(pages).toBe(pageCount / 2);
    expect([...logins].sort()).toEqual(Array.from({ length: pageCount }, (_, i) => `page-${String(i).padStart(2, "0")}`));
  });

  it("refuses a cursor that decodes to a NUL character with VALIDATION_FAILED, not a driver error", async () => {
    for (const cursor of [Buffer.from("\u0000").toString("base64url"), Buffer.from("page-\u0000").toString("base64url")]) {
      expectProblem(await district.get(`/api/v1/users?cursor=${cursor}`), 400, "VALIDATION_FAILED");
    }
  });

  it("filters by role, search text and status", async () => {
    const evaluator = await buildUser(t.ctx, [{ role: "evaluator", area_code: "4101" }], {
      login: "filter-evaluator",
      display_name: "评估专家甲",
    });

    const byRole = (await city.get("/api/v1/users?role=evaluator&limit=200")).json<UserPage>();
    expect(byRole.items.map((user) => user.login)).toContain(evaluator.login);
    expect(byRole.items.every((user) => user.memberships.some((m) => m.role === "evaluator"))).toBe(true);

    const byName = (await city.get(`/api/v1/users?q=${encodeURIComponent("评估专家")}`)).json<UserPage>();
    expect(byName.items.map((user) => user.login)).toEqual([evaluator.login]);
    const byLogin = (await city.get("/api/v1/users?q=FILTER-EVAL")).json<UserPage>();
    expect(byLogin.items.map((user) => user.login)).toEqual([evaluator.login]);
    const wildcard = (await city.get(`/api/v1/users?q=${encodeURIComponent("%")}`)).json<UserPage>();
    expect(wildcard.items).toEqual([]);

    expect((await city.get("/api/v1/users?status=disabled")).json<UserPage>().items.map((user) => user.login)).not.toContain(
      evaluator.login,
    );
    const version = (await city.get(`/api/v1/users/${evaluator.id}`)).json<User>().version;
    expect((await city.patch(`/api/v1/users/${evaluator.id}`, { version, data: { status: "disabled" } })).statusCode).toBe(200);
    const disabled = (await city.get("/api/v1/users?status=disabled&limit=200")).json<UserPage>();
    expect(disabled.items.map((user) => user.login)).toContain(evaluator.login);
    expect(disabled.items.every((user) => user.status === "disabled")).toBe(true);
    const active = (await city.get("/api/v1/users?status=active&limit=200")).json<UserPage>();
    expect(active.items.map((user) => user.login)).not.toContain(evaluator.login);
  });

  it("uses as many queries for a page of 20 as for a page of 2", async () => {
    // A first request renews the session, so that the two measured requests do the same work around the list.
    await district.get("/api/v1/users?limit=1");
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      const response = await district.get(`/api/v1/users?q=page-&limit=${limit}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<UserPage>().items).toHaveLength(limit);
      return t.database.stats.queries - before;
    };
    const small = await count(2);
    const large = await count(20);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

describe(updateUser.name, () => {
  it("changes the display name with the current version and increments the version", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const response = await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: " 新名字 " } });
    expect(response.statusCode).toBe(200);
    expect(response.json<User>()).toMatchObject({ id: target.id, display_name: "新名字", version: 2 });
    expect(await auditCount("users.update", target.id)).toBe(1);
  });

  it("refuses a stale version with VERSION_CONFLICT carrying the current copy, and writes nothing", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    expect((await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "第一次" } })).statusCode).toBe(200);
    const stale = await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "第二次" } });
    expectProblem(stale, 409, "VERSION_CONFLICT");
    expect(stale.json<{ current: User }>().current).toMatchObject({ id: target.id, display_name: "第一次", version: 2 });
    expect((await district.get(`/api/v1/users/${target.id}`)).json<User>()).toMatchObject({ display_name: "第一次", version: 2 });
    expect(await auditCount("users.update", target.id)).toBe(1);
  });

  it("ends the sessions of a user who is disabled", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const targetClient = as(t.app, await signIn(t.app, target.login));
    expect((await targetClient.get("/api/v1/me")).statusCode).toBe(200);
    const response = await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { status: "disabled" } });
    expect(response.statusCode).toBe(200);
    expect(response.json<User>()).toMatchObject({ status: "disabled", version: 2 });
    expectProblem(await targetClient.get("/api/v1/me"), 401, "UNAUTHENTICATED");

    // Enabling again does not revive the old session.
    expect((await district.patch(`/api/v1/users/${target.id}`, { version: 2, data: { status: "active" } })).statusCode).toBe(200);
    expectProblem(await targetClient.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("refuses an administrator disabling themselves with SELF_MEMBERSHIP_EDIT", async () => {
    const self = (await district.get(`/api/v1/users/${districtAdmin.id}`)).json<User>();
    expectProblem(
      await district.patch(`/api/v1/users/${districtAdmin.id}`, { version: self.version, data: { status: "disabled" } }),
      403,
      "SELF_MEMBERSHIP_EDIT",
    );
    expect((await district.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("refuses a status or version outside the contract, and unknown fields in data", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    expectProblem(
      await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { status: "deleted" } }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(
      await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { login: "renamed-login" } }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(
      await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "x" }, status: "disabled" }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(await district.patch(`/api/v1/users/${target.id}`, { version: "1", data: {} }), 400, "VALIDATION_FAILED");
  });

  it("answers 404 to a change of a user outside the administrator's scope", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410103" }]);
    expectProblem(await district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { status: "disabled" } }), 404, "NOT_FOUND");
    expect((await city.get(`/api/v1/users/${target.id}`)).json<User>()).toMatchObject({ status: "active", version: 1 });
  });
});

describe(addMembership.name, () => {
  it("grants a role in scope, bumps the version and audits it", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const response = await district.post(`/api/v1/users/${target.id}/memberships`, { role: "community_staff", area_code: "410105007002" });
    expect(response.statusCode).toBe(201);
    const user = response.json<User>();
    expect(user.version).toBe(2);
    expect(user.memberships.map((m) => `${m.role}@${m.area_code}`)).toEqual(["official@410105007", "community_staff@410105007002"]);
    expect(await auditCount("users.membership.add", target.id)).toBe(1);

    expectProblem(
      await district.post(`/api/v1/users/${target.id}/memberships`, { role: "community_staff", area_code: "410105007002" }),
      409,
      "MEMBERSHIP_EXISTS",
    );
    expect(await auditCount("users.membership.add", target.id)).toBe(1);
  });

  it("refuses a grant outside the administrator's scope with SCOPE_EXCEEDED", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    expectProblem(
      await district.post(`/api/v1/users/${target.id}/memberships`, { role: "official", area_code: "410103" }),
      403,
      "SCOPE_EXCEEDED",
    );
    expect(await auditCount("users.membership.add", target.id)).toBe(0);
  });

  it("refuses an administrator adding a membership to themselves with SELF_MEMBERSHIP_EDIT", async () => {
    expectProblem(
      await district.post(`/api/v1/users/${districtAdmin.id}/memberships`, { role: "official", area_code: "410105" }),
      403,
      "SELF_MEMBERSHIP_EDIT",
    );
    expect(await auditCount("users.membership.add", districtAdmin.id)).toBe(0);
  });
});

describe(removeMembership.name, () => {
  it("removes one membership, ends the user's sessions and audits it", async () => {
    const target = await buildUser(t.ctx, [
      { role: "official", area_code: "410105007" },
      { role: "community_staff", area_code: "410105007002" },
    ]);
    const targetClient = as(t.app, await signIn(t.app, target.login));
    const user = (await district.get(`/api/v1/users/${target.id}`)).json<User>();
    const staff = user.memberships.find((m) => m.role === "community_staff");
    const response = await district.delete(`/api/v1/users/${target.id}/memberships/${staff?.id}`);
    expect(response.statusCode).toBe(204);
    const after = (await district.get(`/api/v1/users/${target.id}`)).json<User>();
    expect(after.memberships.map((m) => m.role)).toEqual(["official"]);
    expect(after.version).toBe(user.version + 1);
    expect(await auditCount("users.membership.remove", target.id)).toBe(1);
    expectProblem(await targetClient.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("refuses to remove the last membership with MEMBERSHIP_INVALID", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const [only] = (await district.get(`/api/v1/users/${target.id}`)).json<User>().memberships;
    expectProblem(await district.delete(`/api/v1/users/${target.id}/memberships/${only?.id}`), 400, "MEMBERSHIP_INVALID");
    expect((await district.get(`/api/v1/users/${target.id}`)).json<User>().memberships).toHaveLength(1);
    expect(await auditCount("users.membership.remove", target.id)).toBe(0);
  });

  it("refuses an administrator removing their own membership with SELF_MEMBERSHIP_EDIT", async () => {
    const selfAdmin = await buildUser(t.ctx, [
      { role: "admin", area_code: "410105" },
      { role: "official", area_code: "410105" },
    ]);
    const client = as(t.app, await signIn(t.app, selfAdmin.login));
    const self = (await client.get(`/api/v1/users/${selfAdmin.id}`)).json<User>();
    const official = self.memberships.find((m) => m.role === "official");
    expectProblem(await client.delete(`/api/v1/users/${selfAdmin.id}/memberships/${official?.id}`), 403, "SELF_MEMBERSHIP_EDIT");
    expect((await client.get(`/api/v1/users/${selfAdmin.id}`)).json<User>().memberships).toHaveLength(2);
  });

  it("refuses to remove a membership outside the administrator's scope with SCOPE_EXCEEDED", async () => {
    const target = await buildUser(t.ctx, [
      { role: "official", area_code: "410105007" },
      { role: "official", area_code: "410103" },
    ]);
    const erqi = (await city.get(`/api/v1/users/${target.id}`)).json<User>().memberships.find((m) => m.area_code === "410103");
    expectProblem(await district.delete(`/api/v1/users/${target.id}/memberships/${erqi?.id}`), 403, "SCOPE_EXCEEDED");
    expect((await city.get(`/api/v1/users/${target.id}`)).json<User>().memberships).toHaveLength(2);
  });
});

describe(resetPassword.name, () => {
  it("sets a new password: the old one fails, the new one works, old sessions end", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const oldSession = as(t.app, await signIn(t.app, target.login));
    const newPassword = "Reset-password-2027";
    const response = await district.post(`/api/v1/users/${target.id}/password`, { password: newPassword });
    expect(response.statusCode).toBe(204);
    expect(await auditCount("users.password.reset", target.id)).toBe(1);

    expectProblem(await oldSession.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectProblem(
      await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { login: target.login, password: testPassword } }),
      401,
      "INVALID_CREDENTIALS",
    );
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { login: target.login, password: newPassword } })).statusCode,
    ).toBe(200);

    const details = JSON.stringify(
      await t.database.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.entityId, target.id)),
    );
    expect(details).not.toContain(newPassword);
  });

  it("refuses a weak password with VALIDATION_FAILED and keeps the old one", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    expectProblem(await district.post(`/api/v1/users/${target.id}/password`, { password: "short1" }), 400, "VALIDATION_FAILED");
    expectProblem(
      await district.post(`/api/v1/users/${target.id}/password`, { password: "onlyletterspassword" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(await auditCount("users.password.reset", target.id)).toBe(0);
    await signIn(t.app, target.login);
  });

  it("refuses an administrator resetting their own password with SELF_MEMBERSHIP_EDIT", async () => {
    expectProblem(
      await district.post(`/api/v1/users/${districtAdmin.id}/password`, { password: "Own-password-2027" }),
      403,
      "SELF_MEMBERSHIP_EDIT",
    );
  });
});

describe("Idempotency-Key on POST /api/v1/users", () => {
  it("answers a repeated request with the first response and creates one user", async () => {
    const body = newUser();
    const headers = { "idempotency-key": "create-user-key-0001" };
    const first = await city.post("/api/v1/users", body, { headers });
    const second = await city.post("/api/v1/users", body, { headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(await userCount(body.login)).toBe(1);
    expect(await auditCount("users.create", first.json<User>().id)).toBe(1);
  });

  it("refuses the same key with another body with IDEMPOTENCY_KEY_REUSED", async () => {
    const headers = { "idempotency-key": "create-user-key-0002" };
    const body = newUser();
    expect((await city.post("/api/v1/users", body, { headers })).statusCode).toBe(201);
    const other = newUser();
    expectProblem(await city.post("/api/v1/users", other, { headers }), 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await userCount(other.login)).toBe(0);
  });

  it("runs a request sent twice at once with one key only once", async () => {
    const body = newUser();
    const headers = { "idempotency-key": "create-user-key-0004" };
    const responses = await Promise.all([city.post("/api/v1/users", body, { headers }), city.post("/api/v1/users", body, { headers })]);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses).toContain(201);
    const other = responses.find((response, index) => index !== statuses.indexOf(201));
    if (other?.statusCode === 409) {
      expect(other.json().code).toBe("IDEMPOTENCY_IN_PROGRESS");
    } else {
      expect(other?.statusCode).toBe(201);
      expect(other?.headers["idempotent-replayed"]).toBe("true");
    }
    expect(await userCount(body.login)).toBe(1);
    const replay = await city.post("/api/v1/users", body, { headers });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
  });

  it("replays a refused request with the same problem", async () => {
    const taken = newUser();
    expect((await city.post("/api/v1/users", taken)).statusCode).toBe(201);
    const headers = { "idempotency-key": "create-user-key-0005" };
    const body = { ...newUser(), login: taken.login };
    expectProblem(await city.post("/api/v1/users", body, { headers }), 409, "LOGIN_TAKEN");
    const replay = await city.post("/api/v1/users", body, { headers });
    expectProblem(replay, 409, "LOGIN_TAKEN");
    expect(replay.headers["idempotent-replayed"]).toBe("true");
  });

  it("keeps keys apart per user", async () => {
    const headers = { "idempotency-key": "create-user-key-0003" };
    const mine = newUser();
    const theirs = newUser();
    expect((await city.post("/api/v1/users", mine, { headers })).statusCode).toBe(201);
    const response = await district.post("/api/v1/users", theirs, { headers });
    expect(response.statusCode).toBe(201);
    expect(response.headers["idempotent-replayed"]).toBeUndefined();
    expect(await userCount(theirs.login)).toBe(1);
  });
});

describe("concurrent writes", () => {
  it("creates a login requested twice at once exactly once: one 201, one 409 LOGIN_TAKEN", async () => {
    const body = newUser();
    const responses = await Promise.all([
      city.post("/api/v1/users", body),
      district.post("/api/v1/users", { ...body, display_name: "另一位" }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json().code).toBe("LOGIN_TAKEN");
    expect(await userCount(body.login)).toBe(1);
    const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.login, body.login));
    expect(await auditCount("users.create", row?.id)).toBe(1);
  });

  it("keeps one membership when the last two are removed at once: one 204, one 400 MEMBERSHIP_INVALID", async () => {
    const target = await buildUser(t.ctx, [
      { role: "official", area_code: "410105007" },
      { role: "community_staff", area_code: "410105007002" },
    ]);
    const [first, second] = (await city.get(`/api/v1/users/${target.id}`)).json<User>().memberships;
    const responses = await Promise.all([
      city.delete(`/api/v1/users/${target.id}/memberships/${first?.id}`),
      district.delete(`/api/v1/users/${target.id}/memberships/${second?.id}`),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([204, 400]);
    expect(responses.find((response) => response.statusCode === 400)?.json().code).toBe("MEMBERSHIP_INVALID");
    expect((await city.get(`/api/v1/users/${target.id}`)).json<User>().memberships).toHaveLength(1);
  });

  it("accepts one of two edits sent with the same version: one 200, one 409 VERSION_CONFLICT", async () => {
    const target = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const responses = await Promise.all([
      city.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "甲改" } }),
      district.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "乙改" } }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.statusCode === 200)?.json<User>();
    const loser = responses.find((response) => response.statusCode === 409)?.json<{ code: string; current: User }>();
    expect(loser?.code).toBe("VERSION_CONFLICT");
    expect(loser?.current).toMatchObject({ version: 2, display_name: winner?.display_name });
    expect((await city.get(`/api/v1/users/${target.id}`)).json<User>()).toMatchObject({ version: 2, display_name: winner?.display_name });
    expect(await auditCount("users.update", target.id)).toBe(1);
  });
});

describe("audit in the business transaction", () => {
  /** Makes the database itself refuse audit rows of user administration, as a full or broken audit store would. */
  async function refuseUserAudits<T>(fn: () => Promise<T>): Promise<T> {
    await t.database.db.execute(sql`CREATE FUNCTION refuse_user_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit storage failed'; END; $$`);
    await t.database.db.execute(sql`CREATE TRIGGER refuse_user_audit BEFORE INSERT ON audit_log
      FOR EACH ROW WHEN (NEW.action LIKE 'users.%') EXECUTE FUNCTION refuse_user_audit()`);
    try {
      return await fn();
    } finally {
      await t.database.db.execute(sql`DROP TRIGGER refuse_user_audit ON audit_log`);
      await t.database.db.execute(sql`DROP FUNCTION refuse_user_audit()`);
    }
  }

  it("creates no account when its audit record cannot be written", async () => {
    const body = newUser();
    const response = await refuseUserAudits(() => city.post("/api/v1/users", body));
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe("INTERNAL");
    expect(await userCount(body.login)).toBe(0);
  });

  it("keeps the old name, password and memberships when the audit record of a change cannot be written", async () => {
    const target = await buildUser(t.ctx, [
      { role: "official", area_code: "410105007" },
      { role: "community_staff", area_code: "410105007002" },
    ]);
    const before = (await city.get(`/api/v1/users/${target.id}`)).json<User>();
    const statuses = await refuseUserAudits(async () => [
      (await city.patch(`/api/v1/users/${target.id}`, { version: 1, data: { display_name: "不该保存" } })).statusCode,
      (await city.post(`/api/v1/users/${target.id}/memberships`, { role: "official", area_code: "410105" })).statusCode,
      (await city.delete(`/api/v1/users/${target.id}/memberships/${before.memberships[1]?.id as string}`)).statusCode,
      (await city.post(`/api/v1/users/${target.id}/password`, { password: "Never-saved-2026" })).statusCode,
    ]);
    expect(statuses).toEqual([500, 500, 500, 500]);
    expect((await city.get(`/api/v1/users/${target.id}`)).json<User>()).toEqual(before);
    await signIn(t.app, target.login);
  });
});
