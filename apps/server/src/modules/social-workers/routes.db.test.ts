import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SocialWorker, SocialWorkerPage, Workforce } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { loadActor } from "../../platform/auth/actor.js";
import { communityProfiles } from "../communities/test/tables.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker, buildTraining } from "./test/factories.js";
import { socialWorkerImportSpec, socialWorkerRowSchema } from "./imports.js";

/**
 * The social-workers registry over HTTP (QUALITY.md §1 scope in SQL, §3 bad input and races).
 * The clock is fixed at 2026-01-01 01:00 in Shanghai (still 2025 in UTC), so "this year" is 2026.
 */

const now = new Date("2025-12-31T17:00:00Z");
let t: TestApp;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let orgC: { id: string; name: string };
type Client = ReturnType<typeof as>;
let district: Client;
let street: Client;
let staffA: Client;
let staffB: Client;
let otherDistrict: Client;
let community: Client;
let districtUserId: string;

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function putAs(cookie: string, url: string, payload: unknown) {
  return t.app.inject({ method: "PUT", url, headers: { cookie }, payload: payload as object });
}

let districtCookie: string;
let staffACookie: string;

function expectProblem(response: { statusCode: number; json: () => { code: string } }, status: number, code: string) {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
}

let sequence = 0;
function newWorker(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    name: `测试社工${sequence}`,
    level: "social_worker",
    certificate_no: `S2026-${String(sequence).padStart(4, "0")}`,
    certificate_year: 2024,
    organization_id: orgA.id,
    area_code: "410105007",
    community_codes: ["410105007002"],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
  orgA = await buildSocialOrg(t.ctx, "410105");
  orgB = await buildSocialOrg(t.ctx, "410105");
  orgC = await buildSocialOrg(t.ctx, "410103");
  const districtUser = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
  districtUserId = districtUser.id;
  districtCookie = await signIn(t.app, districtUser.login);
  district = as(t.app, districtCookie);
  street = (await client([{ role: "official", area_code: "410105007" }])).client;
  const staffAUser = await buildUser(t.ctx, [{ role: "org_staff", area_code: "410105", organization_id: orgA.id }]);
  staffACookie = await signIn(t.app, staffAUser.login);
  staffA = as(t.app, staffACookie);
  staffB = (await client([{ role: "org_staff", area_code: "410105", organization_id: orgB.id }])).client;
  otherDistrict = (await client([{ role: "official", area_code: "410103" }])).client;
  community = (await client([{ role: "community_staff", area_code: "410105007002" }])).client;
});

afterAll(async () => {
  await t.close();
});

describe("POST /social-workers", () => {
  it("registers a worker with the communities served and answers training hours this year", async () => {
    const response = await district.post("/api/v1/social-workers", newWorker());
    expect(response.statusCode).toBe(201);
    const worker = response.json<SocialWorker>();
    expect(worker).toMatchObject({
      organization_id: orgA.id,
      organization_name: orgA.name,
      communities: [{ area_code: "410105007002" }],
      training_hours_this_year: 0,
      training_hours_required: 72,
      version: 1,
      status: "active",
    });
  });

  it("refuses a second worker with the same certificate number (409 SOCIAL_WORKER_EXISTS)", async () => {
    const body = newWorker();
    expect((await district.post("/api/v1/social-workers", body)).statusCode).toBe(201);
    expectProblem(await district.post("/api/v1/social-workers", { ...body, name: "另一人" }), 409, "SOCIAL_WORKER_EXISTS");
    expectProblem(
      await district.post("/api/v1/social-workers", { ...body, certificate_no: body.certificate_no.toLowerCase() }),
      409,
      "SOCIAL_WORKER_EXISTS",
    );
  });

  it("allows several workers without a certificate number", async () => {
    expect((await district.post("/api/v1/social-workers", newWorker({ certificate_no: null, level: "staff" }))).statusCode).toBe(201);
    expect((await district.post("/api/v1/social-workers", newWorker({ certificate_no: null, level: "staff" }))).statusCode).toBe(201);
  });

  it("lets org staff register workers of their own organization only, and street officials none", async () => {
    expect((await staffA.post("/api/v1/social-workers", newWorker())).statusCode).toBe(201);
    expectProblem(await staffB.post("/api/v1/social-workers", newWorker()), 403, "FORBIDDEN");
    expectProblem(await street.post("/api/v1/social-workers", newWorker()), 403, "FORBIDDEN");
    expectProblem(await community.post("/api/v1/social-workers", newWorker()), 403, "FORBIDDEN");
  });

  it("refuses unknown organizations, areas and supervisors, and bad input, with a 4xx", async () => {
    expectProblem(
      await district.post("/api/v1/social-workers", newWorker({ organization_id: "00000000-0000-4000-8000-000000000000" })),
      400,
      "ORGANIZATION_UNKNOWN",
    );
    expectProblem(await district.post("/api/v1/social-workers", newWorker({ community_codes: ["410105007011"] })), 400, "AREA_UNKNOWN");
    expectProblem(
      await district.post("/api/v1/social-workers", newWorker({ supervisor_id: "00000000-0000-4000-8000-000000000000" })),
      400,
      "SUPERVISOR_UNKNOWN",
    );
    expectProblem(
      await district.post("/api/v1/social-workers", newWorker({ user_id: "00000000-0000-4000-8000-000000000000" })),
      400,
      "ACCOUNT_UNKNOWN",
    );
    expectProblem(await district.post("/api/v1/social-workers", newWorker({ name: "a\u0000b" })), 400, "VALIDATION_FAILED");
    expectProblem(
      await district.post("/api/v1/social-workers", newWorker({ certificate_no: "'; DROP TABLE x" })),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(await district.post("/api/v1/social-workers", newWorker({ status: "left" })), 400, "VALIDATION_FAILED");
  });
});

describe("scope", () => {
  it("shows a worker of another district to readers of a community it serves, and hides it otherwise", async () => {
    const serving = await buildSocialWorker(t.ctx, {
      organizationId: orgC.id,
      areaCode: "410103",
      communities: ["410105007003"],
      name: "跨区服务社工",
    });
    const elsewhere = await buildSocialWorker(t.ctx, {
      organizationId: orgC.id,
      areaCode: "410103",
      communities: ["410103001001"],
      name: "区外社工",
    });
    expect((await street.get(`/api/v1/social-workers/${serving.id}`)).statusCode).toBe(200);
    expectProblem(await street.get(`/api/v1/social-workers/${elsewhere.id}`), 404, "NOT_FOUND");
    const page = (await street.get("/api/v1/social-workers?limit=200")).json<SocialWorkerPage>();
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(serving.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await otherDistrict.get(`/api/v1/social-workers/${elsewhere.id}`)).statusCode).toBe(200);
    const search = (await street.get(`/api/v1/social-workers?q=${encodeURIComponent("区外")}`)).json<SocialWorkerPage>();
    expect(search.items).toEqual([]);
  });

  it("finds a worker by exact certificate number and by part of the name", async () => {
    const worker = await buildSocialWorker(t.ctx, {
      organizationId: orgA.id,
      areaCode: "410105007",
      name: "欧阳%娜",
      certificateNo: "FIND-0001",
    });
    const byCertificate = (await district.get("/api/v1/social-workers?q=find-0001")).json<SocialWorkerPage>();
    expect(byCertificate.items.map((item) => item.id)).toEqual([worker.id]);
    const byName = (await district.get(`/api/v1/social-workers?q=${encodeURIComponent("阳%")}`)).json<SocialWorkerPage>();
    expect(byName.items.map((item) => item.id)).toEqual([worker.id]);
  });

  it("rejects a sort key outside the allow-list", async () => {
    expectProblem(await district.get("/api/v1/social-workers?sort=name;DROP"), 400, "VALIDATION_FAILED");
  });

  it("walks every page of a sort exactly once (keyset on the sort key and id)", async () => {
    for (const sort of ["name", "level", "certificate_year", "updated_at"]) {
      for (const order of ["asc", "desc"]) {
        const all = (await district.get(`/api/v1/social-workers?limit=200&sort=${sort}&order=${order}`))
          .json<SocialWorkerPage>()
          .items.map((item) => item.id);
        const walked: string[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `/api/v1/social-workers?limit=3&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ""}`;
          const page: SocialWorkerPage = (await district.get(url)).json<SocialWorkerPage>();
          walked.push(...page.items.map((item) => item.id));
          cursor = page.next_cursor;
        } while (cursor);
        expect(walked).toEqual(all);
      }
    }
  });

  it("uses the same number of queries for a page of 2 and a page of 20", async () => {
    for (let index = 0; index < 20; index += 1) {
      await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007", communities: ["410105007001", "410105007002"] });
    }
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      const response = await district.get(`/api/v1/social-workers?limit=${limit}`);
      expect(response.json<SocialWorkerPage>().items).toHaveLength(limit);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(20));
  });
});

describe("roles", () => {
  it("lets readers in scope read, refuses roles without social_workers.read (403) and writes without write (403)", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007", communities: ["410105007002"] });
    const cases: Array<{ grants: Parameters<typeof buildUser>[1]; read: number; write: number }> = [
      { grants: [{ role: "social_worker", area_code: "410105007002", organization_id: orgA.id }], read: 200, write: 403 },
      { grants: [{ role: "evaluator", area_code: "4101" }], read: 200, write: 403 },
      { grants: [{ role: "community_staff", area_code: "410105007005" }], read: 404, write: 403 },
      { grants: [{ role: "resident", area_code: "410105007002" }], read: 403, write: 403 },
      { grants: [{ role: "admin", area_code: "4101" }], read: 403, write: 403 },
      { grants: [{ role: "official", area_code: "4101" }], read: 200, write: 200 },
    ];
    for (const { grants, read, write } of cases) {
      const reader = (await client(grants)).client;
      const label = grants.map((grant) => `${grant.role}@${grant.area_code}`).join();
      expect((await reader.get(`/api/v1/social-workers/${worker.id}`)).statusCode, label).toBe(read);
      const current = (await district.get(`/api/v1/social-workers/${worker.id}`)).json<SocialWorker>();
      const patch = await reader.patch(`/api/v1/social-workers/${worker.id}`, {
        version: current.version,
        data: { certificate_year: 2020 },
      });
      expect(patch.statusCode, label).toBe(write);
    }
  });
});

describe("PATCH /social-workers/:id", () => {
  it("lets org staff edit their own organization's workers but not another's (403)", async () => {
    const own = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    const foreign = await buildSocialWorker(t.ctx, { organizationId: orgB.id, areaCode: "410105007" });
    const ok = await staffA.patch(`/api/v1/social-workers/${own.id}`, { version: 1, data: { level: "senior" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<SocialWorker>()).toMatchObject({ level: "senior", version: 2 });
    expectProblem(await staffA.patch(`/api/v1/social-workers/${foreign.id}`, { version: 1, data: { level: "senior" } }), 403, "FORBIDDEN");
    expectProblem(
      await staffA.patch(`/api/v1/social-workers/${own.id}`, { version: 2, data: { organization_id: orgB.id } }),
      403,
      "FORBIDDEN",
    );
    expectProblem(await street.patch(`/api/v1/social-workers/${own.id}`, { version: 2, data: { level: "staff" } }), 403, "FORBIDDEN");
    expectProblem(
      await otherDistrict.patch(`/api/v1/social-workers/${own.id}`, { version: 2, data: { level: "staff" } }),
      404,
      "NOT_FOUND",
    );
  });

  it("refuses a worker as their own supervisor (400) and accepts another worker", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    const mentor = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007", name: "督导老师" });
    expectProblem(
      await district.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { supervisor_id: worker.id } }),
      400,
      "SUPERVISOR_SELF",
    );
    const response = await district.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { supervisor_id: mentor.id } });
    expect(response.json<SocialWorker>()).toMatchObject({ supervisor_id: mentor.id, supervisor_name: "督导老师" });
  });

  it("answers 409 VERSION_CONFLICT with the current copy for a stale version", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    expect((await district.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { status: "left" } })).statusCode).toBe(200);
    const stale = await district.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { name: "改名" } });
    expectProblem(stale, 409, "VERSION_CONFLICT");
    expect(stale.json<{ current: SocialWorker }>().current).toMatchObject({ id: worker.id, version: 2, status: "left" });
  });

  it("refuses to take a certificate number another worker holds", async () => {
    const first = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    const second = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    expectProblem(
      await district.patch(`/api/v1/social-workers/${second.id}`, { version: 1, data: { certificate_no: first.certificateNo } }),
      409,
      "SOCIAL_WORKER_EXISTS",
    );
  });
});

describe("PUT /social-workers/:id/communities", () => {
  it("replaces the communities served, bumps the version, and refuses a stale version", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007", communities: ["410105007001"] });
    const url = `/api/v1/social-workers/${worker.id}/communities`;
    const response = await putAs(staffACookie, url, { version: 1, community_codes: ["410105007003", "410105007002"] });
    expect(response.statusCode).toBe(200);
    expect(response.json<SocialWorker>()).toMatchObject({
      version: 2,
      communities: [{ area_code: "410105007002" }, { area_code: "410105007003" }],
    });
    expectProblem(await putAs(districtCookie, url, { version: 1, community_codes: [] }), 409, "VERSION_CONFLICT");
    expectProblem(await putAs(districtCookie, url, { version: 2, community_codes: ["410105007011"] }), 400, "AREA_UNKNOWN");
  });
});

describe("trainings", () => {
  it("sums training hours of this calendar year in Asia/Shanghai, excluding the previous year", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    await buildTraining(t.ctx, worker.id, "2025-12-31", 10);
    await buildTraining(t.ctx, worker.id, "2026-01-01", 8);
    const added = await district.post(`/api/v1/social-workers/${worker.id}/trainings`, {
      date: "2026-03-02",
      hours: 7.5,
      topic: "社会工作伦理",
      provider: "协会",
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ hours: 7.5, date: "2026-03-02" });
    const detail = (await district.get(`/api/v1/social-workers/${worker.id}`)).json<SocialWorker>();
    expect(detail.training_hours_this_year).toBe(15.5);
    const trainings = (await district.get(`/api/v1/social-workers/${worker.id}/trainings?limit=2`)).json<{
      items: Array<{ date: string }>;
      next_cursor: string;
    }>();
    expect(trainings.items.map((item) => item.date)).toEqual(["2026-03-02", "2026-01-01"]);
    const rest = (await district.get(`/api/v1/social-workers/${worker.id}/trainings?limit=2&cursor=${trainings.next_cursor}`)).json<{
      items: Array<{ date: string }>;
    }>();
    expect(rest.items.map((item) => item.date)).toEqual(["2025-12-31"]);
  });

  it("refuses impossible dates, negative and over-precise hours, and other organizations' staff", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    const url = `/api/v1/social-workers/${worker.id}/trainings`;
    for (const body of [
      { date: "2023-02-29", hours: 2, topic: "x" },
      { date: "2026-01-05", hours: -1, topic: "x" },
      { date: "2026-01-05", hours: 1.25, topic: "x" },
      { date: "2026-01-05", hours: 2, topic: "x", __proto__: { admin: true }, extra: 1 },
    ]) {
      expectProblem(await district.post(url, body), 400, "VALIDATION_FAILED");
    }
    expectProblem(await staffB.post(url, { date: "2026-01-05", hours: 2, topic: "x" }), 403, "FORBIDDEN");
  });

  it("records posts and refuses an end before the start", async () => {
    const worker = await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105007" });
    const url = `/api/v1/social-workers/${worker.id}/posts`;
    const post = {
      kind: "gov_purchased_post",
      title: "社区社工岗",
      area_code: "410105007002",
      from_date: "2025-01-01",
      to_date: "2026-12-31",
    };
    expect((await district.post(url, post)).statusCode).toBe(201);
    expectProblem(await district.post(url, { ...post, to_date: "2024-01-01" }), 400, "VALIDATION_FAILED");
    expect((await street.get(url)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});

describe("GET /social-workers/workforce", () => {
  it("counts distinct active workers per community, with residents, ratio and shortfall, and a totals row", async () => {
    await t.database.db.insert(communityProfiles).values([
      { areaCode: "410105001003", population: 2000 },
      { areaCode: "410105001006", population: 1000 },
      { areaCode: "410105001007", population: 1500 },
    ]);
    const both = await buildSocialWorker(t.ctx, {
      organizationId: orgA.id,
      areaCode: "410105001",
      communities: ["410105001003", "410105001006"],
    });
    await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105001", communities: ["410105001003"] });
    await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105001", communities: ["410105001003"] });
    await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105001", communities: ["410105001006"] });
    await buildSocialWorker(t.ctx, { organizationId: orgA.id, areaCode: "410105001", communities: ["410105001007"], status: "left" });
    expect(both.id).toBeTruthy();

    const response = await district.get("/api/v1/social-workers/workforce?area_code=410105001&by=community");
    expect(response.statusCode).toBe(200);
    const view = response.json<Workforce>();
    const byCode = new Map(view.rows.map((row) => [row.area_code, row]));
    expect(byCode.get("410105001003")).toMatchObject({
      workers: 3,
      residents: 2000,
      per_thousand: 1.5,
      shortfall: 1,
      below_standard: true,
    });
    expect(byCode.get("410105001006")).toMatchObject({ workers: 2, residents: 1000, per_thousand: 2, shortfall: 0, below_standard: false });
    expect(byCode.get("410105001007")).toMatchObject({ workers: 0, residents: 1500, per_thousand: 0, shortfall: 3, below_standard: true });
    expect(byCode.get("410105001008")).toMatchObject({ workers: 0, residents: 0, per_thousand: null, shortfall: 0 });
    expect(view.total).toMatchObject({ workers: 4, residents: 4500, per_thousand: 0.89, shortfall: 5, below_standard: true });
    expect(view.standard_per_thousand).toBe(2);

    const streets = (await district.get("/api/v1/social-workers/workforce?area_code=410105&by=street")).json<Workforce>();
    expect(streets.rows.find((row) => row.area_code === "410105001")).toMatchObject({ workers: 4, residents: 4500, shortfall: 5 });
  });

  it("answers 404 for a jurisdiction outside the reader's scope", async () => {
    expectProblem(await street.get("/api/v1/social-workers/workforce?area_code=410103&by=street"), 404, "NOT_FOUND");
  });
});

describe("import spec social-workers", () => {
  const spec = socialWorkerImportSpec();

  it("parses Chinese labels and refuses a row without a certificate number with a field error", () => {
    const parsed = socialWorkerRowSchema.parse({
      name: " 李静 ",
      gender: "女",
      level: "助理社会工作师",
      certificate_no: "imp-0001",
      certificate_year: "2023",
      organization_name: "某机构",
      community_codes: "410105007001，410105007002",
      status: "在岗",
    });
    expect(parsed).toMatchObject({
      name: "李静",
      gender: "female",
      level: "assistant",
      certificate_no: "IMP-0001",
      certificate_year: 2023,
      status: "active",
    });
    expect(parsed.community_codes).toEqual(["410105007001", "410105007002"]);
    const missing = socialWorkerRowSchema.safeParse({ name: "李静", level: "社会工作师", organization_name: "某机构" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.find((issue) => issue.path[0] === "certificate_no")?.message).toBe("CERTIFICATE_NO_REQUIRED");
    expect(
      socialWorkerRowSchema.safeParse({ name: "李静", level: "专家", certificate_no: "X-0001", organization_name: "某机构" }).success,
    ).toBe(false);
  });

  it("inserts, leaves an identical row unchanged and updates a changed row", async () => {
    const actor = await loadActor(t.database.db, districtUserId);
    if (!actor) {
      throw new Error("no actor");
    }
    const ctx: ActorCtx = { ...t.ctx, actor };
    const row = socialWorkerRowSchema.parse({
      name: "导入社工",
      level: "社会工作师",
      certificate_no: "IMP-0100",
      organization_name: orgA.name,
      community_codes: "410105007004",
    });
    const upsert = (value: typeof row) => withTx(ctx, (tx) => spec.upsert(tx, value));
    expect(spec.naturalKey(row)).toBe("IMP-0100");
    expect(await upsert(row)).toBe("inserted");
    expect(await upsert(row)).toBe("unchanged");
    expect(await upsert({ ...row, level: "senior" })).toBe("updated");
    const found = (await district.get("/api/v1/social-workers?q=IMP-0100")).json<SocialWorkerPage>();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ level: "senior", area_code: "410105007004", version: 2 });
    await expect(upsert({ ...row, organization_name: orgC.name })).rejects.toMatchObject({ code: "ORGANIZATION_UNKNOWN" });
  });
});

describe("linking an account to a worker record (PATCH body review, issue 14.4)", () => {
  it("accepts only a social-worker account of the worker's organization that is not linked elsewhere (ACCOUNT_NOT_LINKABLE)", async () => {
    const worker = (await staffA.post("/api/v1/social-workers", newWorker())).json<SocialWorker>();
    const otherOrgsWorker = await buildUser(t.ctx, [{ role: "social_worker", area_code: "410105007002", organization_id: orgB.id }]);
    const official = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
    const own = await buildUser(t.ctx, [{ role: "social_worker", area_code: "410105007002", organization_id: orgA.id }]);
    for (const userId of [otherOrgsWorker.id, official.id, districtUserId]) {
      expectProblem(
        await staffA.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { user_id: userId } }),
        400,
        "ACCOUNT_NOT_LINKABLE",
      );
    }
    const linked = await staffA.patch(`/api/v1/social-workers/${worker.id}`, { version: 1, data: { user_id: own.id } });
    expect(linked.statusCode).toBe(200);
    // The same account cannot be linked to a second record (someone else's casework).
    expectProblem(await staffA.post("/api/v1/social-workers", newWorker({ user_id: own.id })), 400, "ACCOUNT_NOT_LINKABLE");
  });
});
