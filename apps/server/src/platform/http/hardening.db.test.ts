import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../../modules/users/test/factories.js";
import { buildSocialOrg } from "../../modules/social-orgs/test/factories.js";
import { socialOrgs } from "../../modules/social-orgs/test/tables.js";

/**
 * Issue 14 items 9 and 10 at the HTTP edge: bytes that are not UTF-8, lone surrogates and
 * implausible dates are refused with 400 and nothing written; cookie-authenticated writes from a
 * foreign page are refused; authenticated answers are not cacheable.
 */

let t: TestApp;
let cookie: string;
let orgCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await signIn(t.app, (await buildUser(t.ctx, [{ role: "official", area_code: "410105" }])).login);
  const org = await buildSocialOrg(t.ctx, "410105");
  orgCookie = await signIn(t.app, (await buildUser(t.ctx, [{ role: "org_staff", area_code: "410105", organization_id: org.id }])).login);
});

afterAll(async () => {
  await t.close();
});

async function orgsNamed(name: string): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(socialOrgs).where(eq(socialOrgs.name, name));
  return row?.n ?? 0;
}

function postRaw(url: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: "POST", url, headers: { cookie, "content-type": "application/json", ...headers }, payload: body });
}

const orgJson = (name: string) => `{"name":"${name}","registration":"filed","category":"charity","area_code":"410105"}`;

describe("JSON bodies must be well-formed UTF-8 without lone surrogates (14.9)", () => {
  it("refuses a malformed UTF-8 byte sequence with 400 BODY_ENCODING_INVALID and stores nothing", async () => {
    // "坏编码" then C3 28: a UTF-8 lead byte followed by an ASCII byte.
    const [before, after] = orgJson("坏编码|").split("|") as [string, string];
    const payload = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    const response = await postRaw("/api/v1/social-orgs", payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().code).toBe("BODY_ENCODING_INVALID");
    expect(await orgsNamed("坏编码\uFFFD(")).toBe(0);
    expect(await orgsNamed("坏编码(")).toBe(0);
  });

  it("refuses a lone surrogate escape with 400 naming the field, and stores nothing", async () => {
    const response = await postRaw("/api/v1/social-orgs", orgJson("孤立代理\\uD800组织"));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ path: "body.name", code: "LONE_SURROGATE" }] });
    expect(await orgsNamed("孤立代理\uFFFD组织")).toBe(0);
    const trailing = await postRaw("/api/v1/social-orgs", orgJson("孤立代理\\uDC00组织"));
    expect(trailing.json().errors[0]).toMatchObject({ path: "body.name", code: "LONE_SURROGATE" });
  });

  it("refuses NUL in any string or key with 400 naming the field (PostgreSQL cannot store it), and stores nothing", async () => {
    const response = await postRaw("/api/v1/social-orgs", orgJson("空字符\\u0000组织"));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ path: "body.name", code: "NUL_CHARACTER" }] });
    const login = await postRaw("/api/v1/session", Buffer.from(JSON.stringify({ login: "demo\u0000x", password: "x" })));
    expect(login.statusCode).toBe(400);
    expect(login.json().errors[0]).toMatchObject({ path: "body.login", code: "NUL_CHARACTER" });
  });

  it("accepts a character outside the BMP, escaped as a surrogate pair or sent as UTF-8", async () => {
    expect((await postRaw("/api/v1/social-orgs", orgJson("\\uD842\\uDFB7家社工站"))).statusCode).toBe(201);
    expect((await postRaw("/api/v1/social-orgs", Buffer.from(orgJson("𠮷祥社工站")))).statusCode).toBe(201);
    expect(await orgsNamed("𠮷家社工站")).toBe(1);
  });
});

describe("dates are bounded to a plausible range (14.9)", () => {
  const ledger = (paidOn: string) =>
    as(t.app, orgCookie).post("/api/v1/funding-ledger", { source: "donation", amount_fen: 100, paid_on: paidOn, description: "捐赠" });

  it("refuses a ledger paid_on of 9999-12-31 or before 1900 with DATE_OUT_OF_RANGE", async () => {
    for (const date of ["9999-12-31", "1899-12-31", `${new Date().getUTCFullYear() + 11}-01-01`]) {
      const response = await ledger(date);
      expect(response.statusCode, date).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ path: "body.paid_on", code: "DATE_OUT_OF_RANGE" });
    }
    expect((await ledger(new Date().toISOString().slice(0, 10))).statusCode).toBe(201);
  });

  it("refuses a founding date of 9999-12-31 on an organization", async () => {
    const response = await as(t.app, cookie).post("/api/v1/social-orgs", {
      name: "远未来组织",
      registration: "filed",
      category: "charity",
      area_code: "410105",
      founded_on: "9999-12-31",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: "body.founded_on", code: "DATE_OUT_OF_RANGE" });
  });
});

describe("cookie-authenticated writes from a foreign page (14.10)", () => {
  it("refuses a foreign Origin or Referer with 403 ORIGIN_REFUSED before anything is written", async () => {
    const foreign = await postRaw("/api/v1/social-orgs", orgJson("跨站组织"), { origin: "https://evil.example" });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe("ORIGIN_REFUSED");
    const viaReferer = await postRaw("/api/v1/social-orgs", orgJson("跨站组织"), { referer: "https://evil.example/page" });
    expect(viaReferer.json().code).toBe("ORIGIN_REFUSED");
    const opaque = await postRaw("/api/v1/social-orgs", orgJson("跨站组织"), { origin: "null" });
    expect(opaque.json().code).toBe("ORIGIN_REFUSED");
    expect(await orgsNamed("跨站组织")).toBe(0);
  });

  it("lets the same host (any port), a missing Origin and reads through", async () => {
    expect((await postRaw("/api/v1/social-orgs", orgJson("同源组织一"), { origin: "http://localhost" })).statusCode).toBe(201);
    expect((await postRaw("/api/v1/social-orgs", orgJson("同源组织二"), { origin: "https://localhost:5173" })).statusCode).toBe(201);
    expect((await postRaw("/api/v1/social-orgs", orgJson("无来源组织"))).statusCode).toBe(201);
    const read = await t.app.inject({ method: "GET", url: "/api/v1/social-orgs", headers: { cookie, origin: "https://evil.example" } });
    expect(read.statusCode).toBe(200);
  });

  it("accepts the public host names listed in SANSHE_TRUSTED_ORIGIN_HOSTS (proxy rewriting Host)", async () => {
    const proxied = await createTestApp({ SANSHE_TRUSTED_ORIGIN_HOSTS: "sanshe.example.gov.cn" });
    try {
      const official = await signIn(proxied.app, (await buildUser(proxied.ctx, [{ role: "official", area_code: "410105" }])).login);
      const post = (origin: string) =>
        proxied.app.inject({
          method: "POST",
          url: "/api/v1/social-orgs",
          headers: { cookie: official, "content-type": "application/json", origin },
          payload: orgJson(`代理组织 ${origin.length}`),
        });
      expect((await post("https://sanshe.example.gov.cn")).statusCode).toBe(201);
      expect((await post("https://evil.example")).json().code).toBe("ORIGIN_REFUSED");
    } finally {
      await proxied.close();
    }
  });

  it("does not apply to writes without a session cookie (sign-in, API clients)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { origin: "https://evil.example" },
      payload: { login: "nobody-here", password: "wrong-password-1" },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("Cache-Control on authenticated answers (14.10)", () => {
  it("marks every signed-in /api answer no-store, errors included", async () => {
    const client = as(t.app, cookie);
    expect((await client.get("/api/v1/social-orgs")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/v1/me")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/v1/residents/00000000-0000-4000-8000-000000000000")).headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/v1/exports/social-orgs?format=csv")).headers["cache-control"]).toBe("no-store");
  });
});
