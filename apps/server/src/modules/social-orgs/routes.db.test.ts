import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { PublicSocialOrgPage, SocialOrg, SocialOrgPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { socialOrgs } from "./schema.js";
import { buildSocialOrg, randomUscc } from "./test/factories.js";
import { buildContract, buildReferredNeed } from "../projects/test/contract-fixtures.js";

/**
 * The social organization registry over HTTP (QUALITY.md §1 scope, §3 bad input and races).
 * cityOfficial: official@4101 (writes anywhere), jinshui: official@410105, erqi: official@410103,
 * street: official@410105007 (reads only).
 */

let t: TestApp;
let city: ReturnType<typeof as>;
let jinshui: ReturnType<typeof as>;
let erqi: ReturnType<typeof as>;
let street: ReturnType<typeof as>;
let anonymous: ReturnType<typeof as>;

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

function put(cookie: string, url: string, payload: unknown) {
  return t.app.inject({ method: "PUT", url, headers: { cookie }, payload: payload as object });
}

beforeAll(async () => {
  t = await createTestApp();
  city = await client([{ role: "official", area_code: "4101" }]);
  jinshui = await client([{ role: "official", area_code: "410105" }]);
  erqi = await client([{ role: "official", area_code: "410103" }]);
  street = await client([{ role: "official", area_code: "410105007" }]);
  anonymous = as(t.app, "");
});

afterAll(async () => {
  await t.close();
});

let sequence = 0;
function newOrg(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    name: `测试社会组织（演示）${String(sequence).padStart(3, "0")}`,
    registration: "registered",
    legal_form: "private_non_enterprise",
    uscc: randomUscc("private_non_enterprise", "410105"),
    category: "life_services",
    area_code: "410105",
    ...overrides,
  };
}

describe("POST /social-orgs", () => {
  it("registers an organization with the minimal fields and audits it", async () => {
    const response = await jinshui.post("/api/v1/social-orgs", newOrg({ contact_phone: "0371-12345678" }));
    expect(response.statusCode).toBe(201);
    const org = response.json<SocialOrg>();
    expect(org).toMatchObject({
      registration: "registered",
      status: "active",
      version: 1,
      area_name: "金水区",
      service_areas: [],
      stations: [],
    });
    const [audit] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "social_orgs.create"), eq(auditLog.entityId, org.id)));
    expect(audit?.n).toBe(1);
  });

  it("accepts a filed community organization without a credit code", async () => {
    const response = await street.post("/api/v1/social-orgs", newOrg({ registration: "filed", uscc: undefined, legal_form: undefined }));
    expect(response.statusCode).toBe(403);
    const filed = await jinshui.post(
      "/api/v1/social-orgs",
      newOrg({ registration: "filed", uscc: undefined, legal_form: undefined, area_code: "410105007002" }),
    );
    expect(filed.statusCode).toBe(201);
    expect(filed.json<SocialOrg>().uscc).toBeNull();
  });

  it("refuses a credit code with a wrong check character (400 INVALID_USCC)", async () => {
    const good = randomUscc();
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const response = await jinshui.post("/api/v1/social-orgs", newOrg({ uscc: bad }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: "body.uscc", code: "INVALID_USCC" })]);
  });

  it("refuses a credit code whose prefix does not match the legal form (USCC_FORM_MISMATCH)", async () => {
    const response = await jinshui.post("/api/v1/social-orgs", newOrg({ legal_form: "foundation", uscc: randomUscc("association") }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ path: "body.uscc", code: "USCC_FORM_MISMATCH" }] });
  });

  it("requires a credit code and legal form when registered", async () => {
    const noCode = await jinshui.post("/api/v1/social-orgs", newOrg({ uscc: null }));
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().errors[0]).toMatchObject({ path: "body.uscc", code: "required" });
    const noForm = await jinshui.post("/api/v1/social-orgs", newOrg({ legal_form: undefined }));
    expect(noForm.json().errors[0]).toMatchObject({ path: "body.legal_form", code: "required" });
  });

  it("answers 409 SOCIAL_ORG_EXISTS for a used credit code, without revealing an out-of-scope organization", async () => {
    const uscc = randomUscc("association", "410103");
    expect((await erqi.post("/api/v1/social-orgs", newOrg({ area_code: "410103", legal_form: "association", uscc }))).statusCode).toBe(201);
    const response = await jinshui.post("/api/v1/social-orgs", newOrg({ legal_form: "association", uscc: uscc.toLowerCase() }));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("SOCIAL_ORG_EXISTS");
    expect(response.body).not.toContain("410103");
  });

  it("refuses a home area outside the caller's write scope, and a street official (403)", async () => {
    expect((await jinshui.post("/api/v1/social-orgs", newOrg({ area_code: "410103" }))).statusCode).toBe(403);
    expect((await street.post("/api/v1/social-orgs", newOrg())).statusCode).toBe(403);
  });

  it("refuses an unknown area code (AREA_UNKNOWN)", async () => {
    const response = await city.post("/api/v1/social-orgs", newOrg({ area_code: "410105007011" }));
    expect(response.json().code).toBe("AREA_UNKNOWN");
  });
});

describe("scope", () => {
  it("shows an organization to readers of its home area or of a service area, and 404 to others", async () => {
    const org = await buildSocialOrg.registered(t.ctx, "410103", { name: "二七区范围测试组织（演示）", serviceAreas: ["410105007"] });
    const other = await buildSocialOrg.registered(t.ctx, "410103", { name: "二七区范围外组织（演示）" });
    const reader = await client([{ role: "community_staff", area_code: "410105007002" }]);
    expect((await erqi.get(`/api/v1/social-orgs/${org.id}`)).statusCode).toBe(200);
    expect((await street.get(`/api/v1/social-orgs/${org.id}`)).statusCode).toBe(200);
    expect((await jinshui.get(`/api/v1/social-orgs/${org.id}`)).statusCode).toBe(200);
    expect((await jinshui.get(`/api/v1/social-orgs/${other.id}`)).json().code).toBe("NOT_FOUND");
    expect((await reader.get(`/api/v1/social-orgs/${org.id}`)).statusCode).toBe(404);
    const page = (await street.get("/api/v1/social-orgs?q=二七区范围&limit=200")).json<SocialOrgPage>();
    expect(page.items.map((item) => item.id)).toEqual([org.id]);
  });

  it("lets a district official of the serving area read but not edit an organization homed elsewhere (403)", async () => {
    const org = await buildSocialOrg.registered(t.ctx, "410103", { serviceAreas: ["410105"] });
    const response = await jinshui.patch(`/api/v1/social-orgs/${org.id}`, { version: 1, data: { description: "改" } });
    expect(response.statusCode).toBe(403);
  });
});

describe("org_staff", () => {
  it("edits their own organization but not another (404: other organizations' full records are not theirs to read)", async () => {
    const own = await buildSocialOrg(t.ctx, "410105");
    const neighbour = await buildSocialOrg(t.ctx, "410105");
    const far = await buildSocialOrg(t.ctx, "410103");
    const staff = await client([{ role: "org_staff", area_code: "410105", organization_id: own.id }]);
    const edited = await staff.patch(`/api/v1/social-orgs/${own.id}`, { version: 1, data: { description: "我们的简介" } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<SocialOrg>()).toMatchObject({ description: "我们的简介", version: 2 });
    expect((await staff.patch(`/api/v1/social-orgs/${neighbour.id}`, { version: 1, data: { description: "x" } })).statusCode).toBe(404);
    expect((await staff.patch(`/api/v1/social-orgs/${far.id}`, { version: 1, data: { description: "x" } })).statusCode).toBe(404);
    expect((await staff.post("/api/v1/social-orgs", newOrg())).statusCode).toBe(403);
  });
});

describe("org_staff edit their contact and description only (issue 14.4)", () => {
  it.each([
    [{ grade: "5A", grade_year: 2026 }, ["grade", "grade_year"]],
    [{ status: "active" }, ["status"]],
    [{ registration: "filed" }, ["registration"]],
    [{ uscc: "NEW" }, ["uscc"]],
    [{ area_code: "410103", name: "改名" }, ["name", "area_code"]],
  ])("refuses %o with 403 FIELDS_NOT_EDITABLE naming %o, and changes nothing", async (data, fields) => {
    const own = await buildSocialOrg.registered(t.ctx, "410105", { status: "suspended" });
    const staff = await client([{ role: "org_staff", area_code: "410105", organization_id: own.id }]);
    const payload = "uscc" in data ? { ...data, uscc: randomUscc("private_non_enterprise", "410105") } : data;
    const response = await staff.patch(`/api/v1/social-orgs/${own.id}`, { version: 1, data: { ...payload, description: "新简介" } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FIELDS_NOT_EDITABLE");
    expect(
      response
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(fields.map((f) => `body.data.${f}`).sort());
    const [row] = await t.database.db
      .select({ version: socialOrgs.version, status: socialOrgs.status, description: socialOrgs.description })
      .from(socialOrgs)
      .where(eq(socialOrgs.id, own.id));
    expect(row).toMatchObject({ version: 1, status: "suspended", description: null });
  });

  it("accepts contact and description changes, and unchanged registered fields sent back with them", async () => {
    const own = await buildSocialOrg.registered(t.ctx, "410105", { grade: "3A" });
    const staff = await client([{ role: "org_staff", area_code: "410105", organization_id: own.id }]);
    const response = await staff.patch(`/api/v1/social-orgs/${own.id}`, {
      version: 1,
      data: {
        grade: "3A",
        contact_phone: "0371-87654321",
        contact_address: "金水路 1 号",
        contact_email: "a@example.org",
        description: "简介",
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<SocialOrg>()).toMatchObject({ grade: "3A", contact_phone: "0371-87654321", version: 2 });
  });

  it("refuses org staff changing their service areas or stations (they decide local presence for calls)", async () => {
    const own = await buildSocialOrg.registered(t.ctx, "410105");
    const staff = await client([{ role: "org_staff", area_code: "410105", organization_id: own.id }]);
    const areas = await staff.put(`/api/v1/social-orgs/${own.id}/service-areas`, { version: 1, area_codes: ["410103"] });
    expect(areas.statusCode).toBe(403);
    expect(areas.json()).toMatchObject({ code: "FIELDS_NOT_EDITABLE", errors: [{ path: "body.area_codes" }] });
    const stations = await staff.put(`/api/v1/social-orgs/${own.id}/stations`, { version: 1, stations: [{ area_code: "410103001001" }] });
    expect(stations.json()).toMatchObject({ code: "FIELDS_NOT_EDITABLE", errors: [{ path: "body.stations" }] });
    expect((await jinshui.get(`/api/v1/social-orgs/${own.id}`)).json<SocialOrg>()).toMatchObject({
      version: 1,
      service_areas: [],
      stations: [],
    });
  });

  it("leaves the registering authority free to change status and grade", async () => {
    const org = await buildSocialOrg.registered(t.ctx, "410105");
    const response = await jinshui.patch(`/api/v1/social-orgs/${org.id}`, {
      version: 1,
      data: { grade: "5A", grade_year: 2026, status: "suspended" },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe("officials see the organizations that serve or are contracted in their area (issue 13.8)", () => {
  it("shows a street the organization it buys services from, registered in another district, with its credit record", async () => {
    const contracted = await buildSocialOrg.registered(t.ctx, "410103", { name: "二七区签约社工机构" });
    await buildContract(t.ctx, "410105007", contracted.id);
    for (const reader of [street, jinshui]) {
      const record = await reader.get(`/api/v1/social-orgs/${contracted.id}`);
      expect(record.statusCode).toBe(200);
      expect(record.json<SocialOrg>().name).toBe("二七区签约社工机构");
      const credit = await reader.get(`/api/v1/social-orgs/${contracted.id}/credit`);
      expect(credit.statusCode).toBe(200);
      expect(credit.json().total).toBe(1);
    }
    const listed = (await street.get("/api/v1/social-orgs?q=二七区签约&limit=200")).json<SocialOrgPage>();
    expect(listed.items.map((item) => item.id)).toEqual([contracted.id]);
    // Read-only: the street may not edit it, and other streets do not see it.
    expect((await street.patch(`/api/v1/social-orgs/${contracted.id}`, { version: 1, data: { description: "x" } })).statusCode).toBe(403);
    const otherStreet = await client([{ role: "official", area_code: "410105001" }]);
    expect((await otherStreet.get(`/api/v1/social-orgs/${contracted.id}`)).statusCode).toBe(404);
    expect((await otherStreet.get(`/api/v1/social-orgs/${contracted.id}/credit`)).statusCode).toBe(404);
  });

  it("shows an organization that serves the area through referrals", async () => {
    const referred = await buildSocialOrg(t.ctx, "410103");
    expect((await street.get(`/api/v1/social-orgs/${referred.id}`)).statusCode).toBe(404);
    await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: referred.id });
    expect((await street.get(`/api/v1/social-orgs/${referred.id}`)).statusCode).toBe(200);
    expect((await street.get(`/api/v1/social-orgs/${referred.id}/credit`)).statusCode).toBe(200);
  });
});

describe("org staff read other organizations through the public directory only (issue 14.6)", () => {
  it("answers 404 on another organization's full record and credit record, and lists only their own", async () => {
    const own = await buildSocialOrg.registered(t.ctx, "410105", { name: "本机构（员工视角）" });
    const neighbour = await buildSocialOrg.registered(t.ctx, "410105", { name: "邻居机构（员工视角）", status: "active" });
    const staff = await client([{ role: "org_staff", area_code: "410105", organization_id: own.id }]);
    expect((await staff.get(`/api/v1/social-orgs/${own.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/social-orgs/${own.id}/credit`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/social-orgs/${neighbour.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/social-orgs/${neighbour.id}/credit`)).statusCode).toBe(404);
    const page = (await staff.get("/api/v1/social-orgs?q=员工视角&limit=200")).json<SocialOrgPage>();
    expect(page.items.map((item) => item.id)).toEqual([own.id]);
    // The public profile stays open to them, as to everyone.
    const profile = await staff.get(`/api/v1/public/social-orgs/${neighbour.id}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).not.toHaveProperty("uscc");
  });
});

describe("PATCH /social-orgs/:id", () => {
  it("answers 409 VERSION_CONFLICT with the current copy for a stale version", async () => {
    const org = (await jinshui.post("/api/v1/social-orgs", newOrg())).json<SocialOrg>();
    expect((await jinshui.patch(`/api/v1/social-orgs/${org.id}`, { version: 1, data: { grade: "3A", grade_year: 2025 } })).statusCode).toBe(
      200,
    );
    const stale = await jinshui.patch(`/api/v1/social-orgs/${org.id}`, { version: 1, data: { grade: "4A" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT", current: { version: 2, grade: "3A" } });
  });

  it("checks the legal form against the stored credit code", async () => {
    const org = (await jinshui.post("/api/v1/social-orgs", newOrg())).json<SocialOrg>();
    const response = await jinshui.patch(`/api/v1/social-orgs/${org.id}`, { version: 1, data: { legal_form: "foundation" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: "body.uscc", code: "USCC_FORM_MISMATCH" });
  });

  it("answers 409 SOCIAL_ORG_EXISTS when changing to a used credit code", async () => {
    const first = (await jinshui.post("/api/v1/social-orgs", newOrg())).json<SocialOrg>();
    const second = (await jinshui.post("/api/v1/social-orgs", newOrg())).json<SocialOrg>();
    const response = await jinshui.patch(`/api/v1/social-orgs/${second.id}`, { version: 1, data: { uscc: first.uscc } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("SOCIAL_ORG_EXISTS");
  });
});

describe("service areas and stations", () => {
  it("replaces the lists with the organization's version", async () => {
    const org = (await jinshui.post("/api/v1/social-orgs", newOrg())).json<SocialOrg>();
    const cookie = await signIn(t.app, (await buildUser(t.ctx, [{ role: "official", area_code: "410105" }])).login);
    const areas = await put(cookie, `/api/v1/social-orgs/${org.id}/service-areas`, { version: 1, area_codes: ["410105007", "410103"] });
    expect(areas.statusCode).toBe(200);
    expect(areas.json<SocialOrg>().service_areas.map((area) => area.area_code)).toEqual(["410103", "410105007"]);
    const stations = await put(cookie, `/api/v1/social-orgs/${org.id}/stations`, {
      version: 2,
      stations: [{ area_code: "410105007001", since: "2024-01-01" }],
    });
    expect(stations.statusCode).toBe(200);
    expect(stations.json<SocialOrg>()).toMatchObject({ version: 3, stations: [{ area_code: "410105007001", since: "2024-01-01" }] });
    expect((await put(cookie, `/api/v1/social-orgs/${org.id}/stations`, { version: 2, stations: [] })).statusCode).toBe(409);
    const notCommunity = await put(cookie, `/api/v1/social-orgs/${org.id}/stations`, {
      version: 3,
      stations: [{ area_code: "410105007" }],
    });
    expect(notCommunity.json().errors[0].code).toBe("COMMUNITY_REQUIRED");
    const missing = await put(cookie, `/api/v1/social-orgs/${org.id}/stations`, { version: 3, stations: [{ area_code: "410105007011" }] });
    expect(missing.json().code).toBe("AREA_UNKNOWN");
  });
});

describe("search, sort and pagination", () => {
  it("finds 养老 in names and descriptions", async () => {
    const named = await buildSocialOrg.registered(t.ctx, "410105", { name: "金水区颐养老年服务中心" });
    const described = await buildSocialOrg.registered(t.ctx, "410105", {
      name: "测试助老中心（演示）",
      description: "提供居家养老上门服务",
    });
    const page = (await jinshui.get(`/api/v1/social-orgs?q=${encodeURIComponent("养老")}&limit=200`)).json<SocialOrgPage>();
    expect(page.items.map((item) => item.id)).toEqual(expect.arrayContaining([named.id, described.id]));
    const wildcard = (await jinshui.get(`/api/v1/social-orgs?q=${encodeURIComponent("%")}`)).json<SocialOrgPage>();
    expect(wildcard.items).toEqual([]);
  });

  it.each(["name", "-name", "founded_on", "-founded_on", "grade", "-grade", "updated_at", "-updated_at"])(
    "pages through sort %s without duplicates or gaps",
    async (sort) => {
      const area = "410105007005";
      const grades = ["1A", "3A", null, "5A", "3A", null, "2A"] as const;
      if (sort === "name") {
        for (const [index, grade] of grades.entries()) {
          await buildSocialOrg(t.ctx, area, {
            name: `排序组织${index % 3}`,
            grade,
            foundedOn: index % 2 ? `2020-0${1 + (index % 3)}-01` : null,
          });
        }
      }
      const all = (await city.get(`/api/v1/social-orgs?area_code=${area}&sort=${sort}&limit=200`)).json<SocialOrgPage>().items;
      expect(all).toHaveLength(grades.length);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/social-orgs?area_code=${area}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
        const page: SocialOrgPage = (await city.get(query)).json<SocialOrgPage>();
        seen.push(...page.items.map((item) => item.id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toEqual(all.map((item) => item.id));
    },
  );

  it("refuses a cursor made for another sort", async () => {
    const first = (await city.get("/api/v1/social-orgs?sort=name&limit=1")).json<SocialOrgPage>();
    const response = await city.get(`/api/v1/social-orgs?sort=grade&limit=1&cursor=${first.next_cursor}`);
    expect(response.statusCode).toBe(400);
  });

  it("filters by category, grade, registration, status and agency flag", async () => {
    const area = "410105007006";
    const match = await buildSocialOrg(t.ctx, area, { category: "rights", grade: "4A", status: "suspended", isSocialWorkAgency: false });
    await buildSocialOrg(t.ctx, area, { category: "rights", grade: "4A", status: "active" });
    const page = (
      await city.get(
        `/api/v1/social-orgs?area_code=${area}&category=rights&grade=4A&registration=filed&status=suspended&is_social_work_agency=false`,
      )
    ).json<SocialOrgPage>();
    expect(page.items.map((item) => item.id)).toEqual([match.id]);
  });

  it("uses a constant number of queries for any page size", async () => {
    for (let index = 0; index < 6; index += 1) {
      await buildSocialOrg(t.ctx, "410105007009", { name: `查询计数组织 ${index}`, serviceAreas: ["410105007009"] });
    }
    // A fresh session: an older one is touched once a minute, which would add a query to one count.
    const reader = await client([{ role: "official", area_code: "4101" }]);
    const count = async (url: string) => {
      const before = t.database.stats.queries;
      expect((await reader.get(url)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    // Filtered to these organizations, so every page has service areas whatever other tests add.
    const q = encodeURIComponent("查询计数组织");
    expect(await count(`/api/v1/social-orgs?q=${q}&limit=2`)).toBe(await count(`/api/v1/social-orgs?q=${q}&limit=50`));
    expect(await count(`/api/v1/public/social-orgs?q=${q}&limit=2`)).toBe(await count(`/api/v1/public/social-orgs?q=${q}&limit=50`));
  });
});

describe("public directory", () => {
  it("lists only active organizations with public fields, without sign-in", async () => {
    const active = await buildSocialOrg.registered(t.ctx, "410105", {
      name: "公开目录测试组织（演示）",
      contactPhone: "0371-87654321",
      staffCount: 9,
      serviceAreas: ["410105007"],
    });
    const suspended = await buildSocialOrg.registered(t.ctx, "410105", { name: "公开目录暂停组织（演示）", status: "suspended" });
    const response = await anonymous.get(`/api/v1/public/social-orgs?q=${encodeURIComponent("公开目录")}`);
    expect(response.statusCode).toBe(200);
    const page = response.json<PublicSocialOrgPage>();
    expect(page.items.map((item) => item.id)).toEqual([active.id]);
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(
      [
        "category",
        "contact_address",
        "contact_email",
        "contact_phone",
        "description",
        "grade",
        "id",
        "is_social_work_agency",
        "legal_form",
        "name",
        "service_areas",
        "stations",
      ].sort(),
    );
    expect(page.items[0]?.service_areas).toEqual(["南阳新村街道"]);
    expect(response.body).not.toContain(active.uscc ?? "none");
    expect((await anonymous.get(`/api/v1/public/social-orgs/${active.id}`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/v1/public/social-orgs/${suspended.id}`)).json().code).toBe("NOT_FOUND");
    expect((await anonymous.get(`/api/v1/social-orgs/${active.id}`)).statusCode).toBe(401);
  });
});
