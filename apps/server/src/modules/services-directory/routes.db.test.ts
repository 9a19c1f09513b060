import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicService, PublicServicePage, Service, ServicePage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildService } from "./test/factories.js";

/** The service directory over HTTP: publishers' scope and ownership, versions, prices, the public directory. */

let t: TestApp;
type Client = ReturnType<typeof as>;
let staff2: Client;
let staff2Cookie: string;
let staff3: Client;
let orgStaff: Client;
let official: Client;
let org: { id: string; name: string };

function expectProblem(response: { statusCode: number; json: () => { code: string } }, status: number, code: string) {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
}

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

let sequence = 0;
function newService(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    provider_kind: "community",
    community_code: "410105007002",
    name: `助老服务${sequence}`,
    description: "为社区老人提供上门探访",
    category: "elderly_care",
    tier: "public",
    price_kind: "free",
    eligibility_groups: ["elderly_alone"],
    min_age: 60,
    schedule: "周一至周五 9:00-17:00",
    contact_phone: "0371-12345678",
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSocialOrg(t.ctx, "410105");
  const staff2User = await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }]);
  staff2Cookie = await signIn(t.app, staff2User.login);
  staff2 = as(t.app, staff2Cookie);
  staff3 = await client([{ role: "community_staff", area_code: "410105007003" }]);
  orgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  official = await client([{ role: "official", area_code: "410105007" }]);
});

afterAll(async () => {
  await t.close();
});

describe("POST /services", () => {
  it("creates a draft community service with its served area defaulting to the community, audited", async () => {
    const response = await staff2.post("/api/v1/services", newService());
    expect(response.statusCode).toBe(201);
    const service = response.json<Service>();
    expect(service).toMatchObject({
      area_code: "410105007002",
      provider_kind: "community",
      community_code: "410105007002",
      status: "draft",
      version: 1,
      service_area_codes: ["410105007002"],
      price_fen: null,
    });
    expect(service.provider_name).not.toBe("");
  });

  it("refuses a community outside the caller's scope (403) and roles without services.write (403)", async () => {
    expectProblem(await staff3.post("/api/v1/services", newService()), 403, "FORBIDDEN");
    expectProblem(await official.post("/api/v1/services", newService()), 403, "FORBIDDEN");
    expectProblem(
      await staff2.post("/api/v1/services", newService({ provider_kind: "organization", community_code: null, organization_id: org.id })),
      403,
      "FORBIDDEN",
    );
    expect((await t.app.inject({ method: "POST", url: "/api/v1/services", payload: newService() })).statusCode).toBe(401);
  });

  it("validates prices: paid needs an amount, negative and non-finite amounts are refused", async () => {
    expectProblem(await staff2.post("/api/v1/services", newService({ price_kind: "paid" })), 400, "SERVICE_PRICE_REQUIRED");
    expectProblem(
      await staff2.post("/api/v1/services", newService({ price_kind: "paid", price_fen: null })),
      400,
      "SERVICE_PRICE_REQUIRED",
    );
    expectProblem(await staff2.post("/api/v1/services", newService({ price_kind: "low_cost", price_fen: -100 })), 400, "VALIDATION_FAILED");
    expectProblem(await staff2.post("/api/v1/services", newService({ price_kind: "paid", price_fen: 12.5 })), 400, "VALIDATION_FAILED");
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/v1/services",
      headers: { cookie: staff2Cookie, "content-type": "application/json" },
      payload: JSON.stringify(newService({ price_kind: "paid" })).replace('"price_kind":"paid"', '"price_kind":"paid","price_fen":1e309'),
    });
    expectProblem(huge, 400, "VALIDATION_FAILED");
    const paid = await staff2.post("/api/v1/services", newService({ price_kind: "paid", price_fen: 5000 }));
    expect(paid.statusCode).toBe(201);
    expect(paid.json<Service>().price_fen).toBe(5000);
  });

  it("refuses inconsistent providers, unknown served areas and bad age ranges (400)", async () => {
    expectProblem(await staff2.post("/api/v1/services", newService({ community_code: null })), 400, "SERVICE_PROVIDER_INVALID");
    expectProblem(await staff2.post("/api/v1/services", newService({ service_area_codes: ["410105007011"] })), 400, "AREA_UNKNOWN");
    expectProblem(await staff2.post("/api/v1/services", newService({ min_age: 70, max_age: 60 })), 400, "SERVICE_AGE_RANGE");
    expectProblem(await staff2.post("/api/v1/services", newService({ contact_phone: "12345" })), 400, "VALIDATION_FAILED");
  });
});

describe("GET/PATCH /services/{id}", () => {
  it("hides another community's service (404) and another organization's service (404)", async () => {
    const other = await buildService(t.ctx, "410105007003");
    const otherOrg = await buildSocialOrg(t.ctx, "410105");
    const orgService = await buildService(t.ctx, "410105", { organizationId: otherOrg.id });
    expectProblem(await staff2.get(`/api/v1/services/${other.id}`), 404, "NOT_FOUND");
    expectProblem(await staff2.patch(`/api/v1/services/${other.id}`, { version: 1, data: { name: "改" } }), 404, "NOT_FOUND");
    expectProblem(await staff2.get(`/api/v1/services/${orgService.id}`), 404, "NOT_FOUND");
    // Org staff edit their own organization's services only; another organization's is not theirs to see.
    expectProblem(await orgStaff.patch(`/api/v1/services/${orgService.id}`, { version: 1, data: { name: "改" } }), 404, "NOT_FOUND");
    const own = await buildService(t.ctx, "410105", { organizationId: org.id });
    const renamed = await orgStaff.patch(`/api/v1/services/${own.id}`, { version: 1, data: { name: "本机构服务" } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<Service>().name).toBe("本机构服务");
  });

  it("publishes with the version read, answers 409 with the current copy on a stale version", async () => {
    const created = (await staff2.post("/api/v1/services", newService())).json<Service>();
    const published = await staff2.patch(`/api/v1/services/${created.id}`, {
      version: 1,
      data: { status: "published", price_kind: "low_cost", price_fen: 800 },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json<Service>()).toMatchObject({ status: "published", version: 2, price_kind: "low_cost", price_fen: 800 });
    const stale = await staff2.patch(`/api/v1/services/${created.id}`, { version: 1, data: { name: "旧版本" } });
    expectProblem(stale, 409, "VERSION_CONFLICT");
    expect(stale.json<{ current: Service }>().current.version).toBe(2);
    expectProblem(
      await staff2.patch(`/api/v1/services/${created.id}`, { version: 2, data: { price_kind: "paid", price_fen: null } }),
      400,
      "SERVICE_PRICE_REQUIRED",
    );
    const retired = await staff2.patch(`/api/v1/services/${created.id}`, { version: 2, data: { status: "retired" } });
    expect(retired.json<Service>()).toMatchObject({ status: "retired", version: 3 });
  });
});

describe("GET /services", () => {
  it("lists only the caller's services, filters, searches Chinese text and walks pages", async () => {
    await buildService(t.ctx, "410105007003", { name: "三社区的书法课", category: "culture_sports" });
    const mine = [
      await buildService(t.ctx, "410105007002", { name: "书法兴趣班", category: "culture_sports", tier: "developmental" }),
      await buildService(t.ctx, "410105007002", { name: "理发", description: "每月一次义务理发100%免费", category: "repairs" }),
    ];
    const search = (await staff2.get(`/api/v1/services?q=${encodeURIComponent("书法")}`)).json<ServicePage>();
    expect(search.items.map((item) => item.id)).toEqual([mine[0]?.id]);
    const percent = (await staff2.get(`/api/v1/services?q=${encodeURIComponent("100%")}`)).json<ServicePage>();
    expect(percent.items.map((item) => item.id)).toEqual([mine[1]?.id]);
    const byCategory = (await staff2.get("/api/v1/services?category=culture_sports&tier=developmental")).json<ServicePage>();
    expect(byCategory.items.map((item) => item.id)).toEqual([mine[0]?.id]);
    const all = (await staff2.get("/api/v1/services?limit=200")).json<ServicePage>().items;
    expect(all.every((item) => item.area_code === "410105007002")).toBe(true);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ServicePage = (await staff2.get(`/api/v1/services?limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json<ServicePage>();
      walked.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(walked).toEqual(all.map((item) => item.id));
  });

  it("uses the same number of queries for a page of 2 and a page of 12", async () => {
    for (let index = 0; index < 12; index += 1) {
      await buildService(t.ctx, "410105007002", { category: "health", status: index % 2 ? "draft" : "published" });
    }
    const count = async (url: string, limit: number) => {
      const before = t.database.stats.queries;
      const response = url.startsWith("/api/v1/public")
        ? await t.app.inject({ method: "GET", url: `${url}?category=health&limit=${limit}` })
        : await staff2.get(`${url}?category=health&limit=${limit}`);
      expect(response.json<ServicePage>().items).toHaveLength(limit);
      return t.database.stats.queries - before;
    };
    expect(await count("/api/v1/services", 2)).toBe(await count("/api/v1/services", 12));
    expect(await count("/api/v1/public/services", 2)).toBe(await count("/api/v1/public/services", 6));
  });
});

describe("public directory", () => {
  it("shows published services of any scope without login, public fields only; drafts and retired ones never", async () => {
    const published = await buildService(t.ctx, "410103001001", { name: "二七区公开服务", serviceAreaCodes: ["410103001001"] });
    const draft = await buildService(t.ctx, "410105007002", { name: "草稿服务不可见", status: "draft" });
    const retired = await buildService(t.ctx, "410105007002", { name: "已下线服务不可见", status: "retired" });
    const list = (await t.app.inject({ method: "GET", url: "/api/v1/public/services?limit=200" })).json<PublicServicePage>();
    const ids = list.items.map((item) => item.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(retired.id);
    const one = await t.app.inject({ method: "GET", url: `/api/v1/public/services/${published.id}` });
    expect(one.statusCode).toBe(200);
    const body = one.json<PublicService & Record<string, unknown>>();
    for (const privateField of ["version", "status", "area_code", "created_at", "location_facility_id"]) {
      expect(body).not.toHaveProperty(privateField);
    }
    expectProblem(await t.app.inject({ method: "GET", url: `/api/v1/public/services/${draft.id}` }), 404, "NOT_FOUND");
    const served = (
      await t.app.inject({ method: "GET", url: "/api/v1/public/services?area_code=410103&limit=200" })
    ).json<PublicServicePage>();
    expect(served.items.map((item) => item.id)).toEqual([published.id]);
    const searched = (
      await t.app.inject({ method: "GET", url: `/api/v1/public/services?q=${encodeURIComponent("二七区")}` })
    ).json<PublicServicePage>();
    expect(searched.items.map((item) => item.id)).toEqual([published.id]);
  });
});

describe("export", () => {
  it("exports the caller's services as CSV with Chinese headers and labels", async () => {
    await buildService(t.ctx, "410105007002", { name: "导出测试服务", priceKind: "paid", priceFen: 1250 });
    const response = await staff2.get(`/api/v1/exports/services?format=csv&q=${encodeURIComponent("导出测试")}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("服务名称");
    expect(response.body).toContain("导出测试服务");
    expect(response.body).toContain("有偿");
    expect(response.body).toContain("12.5");
    expect((await official.get("/api/v1/exports/services?format=csv")).statusCode).toBe(403);
  });
});
