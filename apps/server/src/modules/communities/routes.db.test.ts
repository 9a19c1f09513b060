import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Community, CommunityPage, CompliancePage, Facility, FacilityPage, Grid, GridPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { loadActor } from "../../platform/auth/actor.js";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { buildUser } from "../users/test/factories.js";
import { buildFacility, buildGrid, buildStandardFacilities } from "./test/factories.js";
import { communitiesExport, facilitiesImport, type FacilityRow } from "./spreadsheets.js";

let t: TestApp;
let street: ReturnType<typeof as>;
let sibling: ReturnType<typeof as>;
let staff: ReturnType<typeof as>;
let evaluator: ReturnType<typeof as>;
let streetActorCtx: ActorCtx;

const fengle = "410105007002";
const otherCommunity = "410105007003";

beforeAll(async () => {
  t = await createTestApp();
  const streetUser = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
  const siblingUser = await buildUser(t.ctx, [{ role: "official", area_code: "410105001" }]);
  const staffUser = await buildUser(t.ctx, [{ role: "community_staff", area_code: fengle }]);
  const evaluatorUser = await buildUser(t.ctx, [{ role: "evaluator", area_code: "410105" }]);
  street = as(t.app, await signIn(t.app, streetUser.login));
  sibling = as(t.app, await signIn(t.app, siblingUser.login));
  staff = as(t.app, await signIn(t.app, staffUser.login));
  evaluator = as(t.app, await signIn(t.app, evaluatorUser.login));
  const actor = await loadActor(t.ctx.db, streetUser.id);
  if (!actor) {
    throw new Error("no actor");
  }
  streetActorCtx = { ...t.ctx, actor };
  // 南阳新村街道: 001 complete, 002 lacks the reading room, 003 lacks reading room and culture station, the rest have nothing.
  await buildStandardFacilities(t.ctx, "410105007001");
  await buildStandardFacilities(t.ctx, fengle, ["reading_room"]);
  await buildStandardFacilities(t.ctx, otherCommunity, ["reading_room", "culture_station"]);
  await buildFacility(t.ctx, otherCommunity, "day_care");
  // A sibling street's community, complete: must never count for 南阳新村街道.
  await buildStandardFacilities(t.ctx, "410105001003");
});

afterAll(async () => {
  await t.close();
});

describe("GET /api/v1/communities/compliance", () => {
  it("summarizes the whole jurisdiction in one aggregate", async () => {
    const response = await street.get("/api/v1/communities/compliance?limit=2");
    expect(response.statusCode).toBe(200);
    const page = response.json<CompliancePage>();
    expect(page.items.map((item) => item.code)).toEqual(["410105007001", fengle]);
    expect(page.next_cursor).not.toBeNull();
    expect(page.summary).toEqual({
      communities: 12,
      compliant: 1,
      missing_by_type: {
        activity_room: 9,
        reading_room: 11,
        meeting_room: 9,
        notice_board: 9,
        newspaper_board: 9,
        culture_station: 10,
      },
    });
    expect(page.items[0]).toMatchObject({ compliant: true, missing: [] });
    expect(page.items[1]).toMatchObject({ compliant: false, missing: ["reading_room"] });
    expect(page.items[1]?.has.activity_room).toBe(true);
  });

  it("filters communities missing one facility, across pages", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/communities/compliance?missing=culture_station&limit=4${cursor ? `&cursor=${cursor}` : ""}`;
      const page: CompliancePage = (await street.get(url)).json<CompliancePage>();
      seen.push(...page.items.map((item) => item.code));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(seen).not.toContain(fengle);
    expect(seen).toContain(otherCommunity);
  });

  it("sends the same number of queries at two page sizes", async () => {
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      expect((await street.get(`/api/v1/communities/compliance?limit=${limit}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(12));
    const listCount = async (limit: number) => {
      const before = t.database.stats.queries;
      await street.get(`/api/v1/communities?limit=${limit}`);
      return t.database.stats.queries - before;
    };
    expect(await listCount(2)).toBe(await listCount(12));
  });

  it("answers 404 for a jurisdiction filter outside the scope", async () => {
    const response = await street.get("/api/v1/communities/compliance?area_code=410105001");
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("NOT_FOUND");
  });

  it("counts only the sibling street's communities for its official", async () => {
    const page = (await sibling.get("/api/v1/communities/compliance")).json<CompliancePage>();
    expect(page.summary.compliant).toBe(1);
    expect(page.items.every((item) => item.code.startsWith("410105001"))).toBe(true);
  });
});

describe("GET /api/v1/communities", () => {
  it("lists the street's communities with compliance, and a community staff member sees only theirs", async () => {
    const page = (await street.get("/api/v1/communities?limit=200")).json<CommunityPage>();
    expect(page.items).toHaveLength(12);
    expect(page.items.find((item) => item.code === otherCommunity)).toMatchObject({ facility_count: 5, compliant: false, exists: false });
    const own = (await staff.get("/api/v1/communities")).json<CommunityPage>();
    expect(own.items.map((item) => item.code)).toEqual([fengle]);
  });

  it("searches names in Chinese and filters by compliance", async () => {
    const found = (await street.get(`/api/v1/communities?q=${encodeURIComponent("丰乐")}`)).json<CommunityPage>();
    expect(found.items.map((item) => item.code)).toEqual([fengle]);
    const compliant = (await street.get("/api/v1/communities?compliant=true")).json<CommunityPage>();
    expect(compliant.items.map((item) => item.code)).toEqual(["410105007001"]);
    const wildcard = (await street.get(`/api/v1/communities?q=${encodeURIComponent("%")}`)).json<CommunityPage>();
    expect(wildcard.items).toEqual([]);
  });
});

describe("community profile", () => {
  it("returns nulls and exists=false before a profile is entered", async () => {
    const response = await street.get(`/api/v1/communities/${otherCommunity}/profile`);
    expect(response.statusCode).toBe(200);
    expect(response.json<Community>()).toMatchObject({ exists: false, kind: null, population: null, version: 0 });
  });

  it("creates with version 0, updates with the version read, and answers 409 on a stale version", async () => {
    const url = `/api/v1/communities/${fengle}/profile`;
    const created = await staff.put(url, { version: 0, data: { kind: "old", population: 8200, households: 3100, office_area_m2: 420.5 } });
    expect(created.statusCode).toBe(200);
    expect(created.json<Community>()).toMatchObject({ exists: true, version: 1, kind: "old", office_area_m2: 420.5 });
    const again = await street.put(url, { version: 0, data: { population: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "VERSION_CONFLICT", current: { version: 1, population: 8200 } });
    const updated = await street.put(url, { version: 1, data: { population: 8300 } });
    expect(updated.json<Community>()).toMatchObject({ version: 2, population: 8300, households: 3100 });
    const stale = await staff.put(url, { version: 1, data: { households: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");
  });

  it("refuses negative numbers and unknown fields", async () => {
    const url = `/api/v1/communities/${otherCommunity}/profile`;
    for (const data of [{ population: -1 }, { office_area_m2: -5 }, { kind: "suburb" }, { mayor: "x" }]) {
      const response = await street.put(url, { version: 0, data });
      expect(response.statusCode, JSON.stringify(data)).toBe(400);
      expect(response.json().code).toBe("VALIDATION_FAILED");
    }
  });

  it("answers 404 to a sibling street, to staff of another community and for a street code", async () => {
    expect((await sibling.get(`/api/v1/communities/${fengle}/profile`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/communities/${otherCommunity}/profile`)).statusCode).toBe(404);
    expect((await staff.put(`/api/v1/communities/${otherCommunity}/profile`, { version: 0, data: {} })).statusCode).toBe(404);
    expect((await street.get("/api/v1/communities/410105007000/profile")).statusCode).toBe(404);
  });

  it("lets an evaluator read but not write (403)", async () => {
    expect((await evaluator.get(`/api/v1/communities/${fengle}/profile`)).statusCode).toBe(200);
    const response = await evaluator.put(`/api/v1/communities/${fengle}/profile`, { version: 0, data: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FORBIDDEN");
  });
});

describe("facilities", () => {
  it("adds, changes with the version read and removes a facility", async () => {
    const created = await staff.post(`/api/v1/communities/${fengle}/facilities`, {
      type: "reading_room",
      name: "图书阅览室",
      area_m2: 85.25,
      opening_hours: "周一至周五 9:00-17:00",
      bookable: true,
    });
    expect(created.statusCode).toBe(201);
    const facility = created.json<Facility>();
    expect(facility).toMatchObject({ area_code: fengle, area_m2: 85.25, bookable: true, version: 1 });
    const profile = (await staff.get(`/api/v1/communities/${fengle}/profile`)).json<Community>();
    expect(profile.compliant).toBe(true);

    const duplicate = await staff.post(`/api/v1/communities/${fengle}/facilities`, { type: "reading_room", name: "图书阅览室" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe("FACILITY_EXISTS");

    const changed = await street.patch(`/api/v1/facilities/${facility.id}`, { version: 1, data: { bookable: false } });
    expect(changed.json<Facility>()).toMatchObject({ bookable: false, version: 2 });
    const stale = await staff.patch(`/api/v1/facilities/${facility.id}`, { version: 1, data: { area_m2: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");

    expect((await sibling.get(`/api/v1/facilities/${facility.id}`)).statusCode).toBe(404);
    expect((await sibling.delete(`/api/v1/facilities/${facility.id}`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/v1/facilities/${facility.id}`)).statusCode).toBe(204);
    expect((await staff.get(`/api/v1/facilities/${facility.id}`)).statusCode).toBe(404);
  });

  it("refuses a negative area, a NUL in the name and an unknown type", async () => {
    for (const body of [
      { type: "meeting_room", name: "会议室", area_m2: -1 },
      { type: "meeting_room", name: "会\u0000议室" },
      { type: "swimming_pool", name: "泳池" },
      { type: "meeting_room", name: "" },
    ]) {
      const response = await staff.post(`/api/v1/communities/${fengle}/facilities`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe("VALIDATION_FAILED");
    }
  });

  it("lists a community's facilities in pages, 404 outside the scope", async () => {
    const first = (await street.get(`/api/v1/communities/${otherCommunity}/facilities?limit=3`)).json<FacilityPage>();
    expect(first.items).toHaveLength(3);
    const second = (
      await street.get(`/api/v1/communities/${otherCommunity}/facilities?limit=3&cursor=${first.next_cursor}`)
    ).json<FacilityPage>();
    expect(second.items).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
    expect((await sibling.get(`/api/v1/communities/${otherCommunity}/facilities`)).statusCode).toBe(404);
  });
});

describe("grids", () => {
  it("adds, lists and renames grids; 404 for a sibling street", async () => {
    const created = await staff.post("/api/v1/grids", { area_code: fengle, name: "第一网格", grid_worker_name: "王建国" });
    expect(created.statusCode).toBe(201);
    const grid = created.json<Grid>();
    expect(grid).toMatchObject({ community_name: "丰乐社区居民委员会", grid_worker_name: "王建国", version: 1 });
    expect((await staff.post("/api/v1/grids", { area_code: fengle, name: "第一网格" })).json().code).toBe("GRID_EXISTS");
    expect((await staff.post("/api/v1/grids", { area_code: otherCommunity, name: "第一网格" })).statusCode).toBe(404);
    await buildGrid(t.ctx, otherCommunity, { name: "第二网格" });
    const listed = (await street.get("/api/v1/grids?area_code=410105007")).json<GridPage>();
    expect(listed.items.map((item) => item.name)).toEqual(["第一网格", "第二网格"]);
    expect((await staff.get("/api/v1/grids")).json<GridPage>().items.map((item) => item.id)).toEqual([grid.id]);
    const renamed = await street.patch(`/api/v1/grids/${grid.id}`, { version: 1, data: { name: "东区网格" } });
    expect(renamed.json<Grid>()).toMatchObject({ name: "东区网格", version: 2 });
    expect((await street.patch(`/api/v1/grids/${grid.id}`, { version: 1, data: { name: "x" } })).statusCode).toBe(409);
    expect((await sibling.get(`/api/v1/grids/${grid.id}`)).statusCode).toBe(404);
    expect((await sibling.patch(`/api/v1/grids/${grid.id}`, { version: 2, data: { name: "x" } })).statusCode).toBe(404);
  });
});

describe("facilities import spec", () => {
  it("inserts, then leaves the same row unchanged, then updates a changed row", async () => {
    const row = facilitiesImport.rowSchema.parse({
      area_code: "410105007005",
      type: "会议室",
      name: "一楼会议室（导入）",
      area_m2: "60",
      bookable: "是",
    });
    const run = (value: FacilityRow) => withTx(streetActorCtx, (tx) => facilitiesImport.upsert(tx, value));
    expect(await run(row)).toBe("inserted");
    expect(await run(row)).toBe("unchanged");
    expect(await run({ ...row, area_m2: 65 })).toBe("updated");
    const page = (await street.get("/api/v1/communities/410105007005/facilities")).json<FacilityPage>();
    expect(page.items).toEqual([expect.objectContaining({ name: "一楼会议室（导入）", area_m2: 65, bookable: true, version: 2 })]);
  });

  it("refuses a row for a community outside the importer's scope", async () => {
    const row = facilitiesImport.rowSchema.parse({ area_code: "410105001003", type: "会议室", name: "会议室" });
    await expect(withTx(streetActorCtx, (tx) => facilitiesImport.upsert(tx, row))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("communities export spec", () => {
  it("pages through the scoped list with compliance columns", async () => {
    const filter = communitiesExport.filterSchema.parse({ area_code: "410105007" });
    const first = await communitiesExport.page(streetActorCtx, filter, undefined, 2);
    expect(first.items.map((item) => item.code)).toEqual(["410105007001", fengle]);
    const second = await communitiesExport.page(streetActorCtx, filter, first.next_cursor ?? undefined, 200);
    expect(second.items).toHaveLength(10);
    const [complete] = first.items;
    if (!complete) {
      throw new Error("no item");
    }
    const row = Object.fromEntries(communitiesExport.columns.map((column) => [column.header, column.value(complete)]));
    expect(row).toMatchObject({ 社区代码: "410105007001", 文体活动室: "是", 三室两栏一站达标: "是", 缺少设施: "" });
    await expect(communitiesExport.page(streetActorCtx, { area_code: "410103" }, undefined, 10)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
