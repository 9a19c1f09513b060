import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, AreaPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";

let t: TestApp;
let street: ReturnType<typeof as>;
let city: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  const streetUser = await buildUser(t.ctx, [{ role: "official", area_code: "410105007" }]);
  const cityUser = await buildUser(t.ctx, [{ role: "official", area_code: "4101" }]);
  street = as(t.app, await signIn(t.app, streetUser.login));
  city = as(t.app, await signIn(t.app, cityUser.login));
});

afterAll(async () => {
  await t.close();
});

describe("GET /api/v1/areas", () => {
  it("lists the roots of the caller's scope when no parent or search is given", async () => {
    const response = await street.get("/api/v1/areas");
    expect(response.statusCode).toBe(200);
    const page = response.json<AreaPage>();
    expect(page.items.map((area) => area.code)).toEqual(["410105007"]);
    expect(page.items[0]).toMatchObject({ name: "南阳新村街道", level: "street", kind: "subdistrict", child_count: 12 });
    expect(page.items[0]?.path.map((ancestor) => ancestor.name)).toEqual(["河南省", "郑州市", "金水区"]);
  });

  it("lists only the street's own communities, with a child count on each", async () => {
    const page = (await street.get("/api/v1/areas?parent=410105007")).json<AreaPage>();
    expect(page.items).toHaveLength(12);
    expect(page.items.every((area) => area.code.startsWith("410105007") && area.level === "community")).toBe(true);
    expect(page.items.map((area) => area.name)).toContain("丰乐社区居民委员会");
  });

  it("lists only in-scope children of a parent above the scope", async () => {
    const page = (await street.get("/api/v1/areas?parent=410105")).json<AreaPage>();
    expect(page.items.map((area) => area.code)).toEqual(["410105007"]);
  });

  it("answers 404 for a parent outside and not above the scope", async () => {
    const response = await street.get("/api/v1/areas?parent=410103");
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("NOT_FOUND");
  });

  it("searches names in Chinese inside the scope only", async () => {
    const mine = (await street.get(`/api/v1/areas?q=${encodeURIComponent("丰乐")}`)).json<AreaPage>();
    expect(mine.items.map((area) => area.code)).toEqual(["410105007002"]);
    const cityWide = (await city.get(`/api/v1/areas?q=${encodeURIComponent("淮河")}`)).json<AreaPage>();
    expect(cityWide.items.length).toBeGreaterThan(0);
    const outside = (await street.get(`/api/v1/areas?q=${encodeURIComponent("淮河")}`)).json<AreaPage>();
    expect(outside.items).toEqual([]);
  });

  it("treats LIKE wildcards and quotes in the search as plain text", async () => {
    for (const q of ["%", "_", "' OR 1=1 --", "\\"]) {
      const response = await city.get(`/api/v1/areas?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<AreaPage>().items).toEqual([]);
    }
  });

  it("walks every page with keyset cursors, without duplicates or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/areas?parent=410105&limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const page: AreaPage = (await city.get(url)).json<AreaPage>();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((area) => area.code));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(24); // 金水区 has 24 street-level units in the 2023 codes
    expect(new Set(seen).size).toBe(24);
    expect([...seen].sort()).toEqual(seen);
  });

  it("sends the same number of queries whatever the page size (no N+1)", async () => {
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      await city.get(`/api/v1/areas?parent=410105&limit=${limit}`);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(20));
  });

  it("refuses malformed codes, limits and searches with field errors", async () => {
    for (const url of [
      "/api/v1/areas?parent=41010",
      "/api/v1/areas?limit=201",
      "/api/v1/areas?limit=0",
      "/api/v1/areas?limit=abc",
      `/api/v1/areas?q=${encodeURIComponent("丰\u0000乐")}`,
    ]) {
      const response = await city.get(url);
      expect(response.statusCode, url).toBe(400);
      const body = response.json();
      expect(body.code).toBe("VALIDATION_FAILED");
      expect(body.errors[0].path).toMatch(/^querystring\./);
    }
  });
});

describe("GET /api/v1/areas/:code", () => {
  it("returns an in-scope area with its path", async () => {
    const area = (await street.get("/api/v1/areas/410105007002")).json<Area>();
    expect(area).toMatchObject({
      code: "410105007002",
      name: "丰乐社区居民委员会",
      level: "community",
      parent_code: "410105007",
      kind: "neighborhood",
    });
    expect(area.path.map((ancestor) => ancestor.code)).toEqual(["41", "4101", "410105", "410105007"]);
  });

  it("answers 404 for the parent district and for a sibling street", async () => {
    expect((await street.get("/api/v1/areas/410105")).statusCode).toBe(404);
    expect((await street.get("/api/v1/areas/410105001")).statusCode).toBe(404);
  });

  it("answers 404 for a well-formed code that does not exist, even city-wide", async () => {
    expect((await city.get("/api/v1/areas/410105999999")).statusCode).toBe(404);
  });
});
