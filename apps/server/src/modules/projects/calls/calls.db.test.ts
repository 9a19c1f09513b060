import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CallDetail, CallSuggestion, Call } from "@sanshe/contracts";
import type { TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { needs } from "../../needs/test/tables.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { callDraft, client, projectsTestApp, type Client } from "../test/calls-fixtures.js";

/** Calls over HTTP: drafting rules, version conflicts, publication, cancellation, list, scope, need counts and the suggestion. */

let t: TestApp;
let clock: { now: Date };
let street: Client;
let community: Client;
let otherStreet: Client;
let district: Client;
let city: Client;
let org: Client;
let farOrg: Client;
let evaluator: Client;
let resident: Client;
let worker: Client;
let erqi: Client;
let auditor: Client;

beforeAll(async () => {
  ({ t, clock } = await projectsTestApp());
  const home = await buildSocialOrg.registered(t.ctx, "410105");
  const far = await buildSocialOrg.registered(t.ctx, "410103");
  street = await client(t, [{ role: "official", area_code: "410105007" }]);
  community = await client(t, [{ role: "community_staff", area_code: "410105007002" }]);
  otherStreet = await client(t, [{ role: "official", area_code: "410105001" }]);
  district = await client(t, [{ role: "official", area_code: "410105" }]);
  city = await client(t, [{ role: "official", area_code: "4101" }]);
  org = await client(t, [{ role: "org_staff", area_code: "410105", organization_id: home.id }]);
  farOrg = await client(t, [{ role: "org_staff", area_code: "410103", organization_id: far.id }]);
  evaluator = await client(t, [{ role: "evaluator", area_code: "4101" }]);
  resident = await client(t, [{ role: "resident", area_code: "410105007002" }]);
  worker = await client(t, [{ role: "social_worker", area_code: "410105007002", organization_id: home.id }]);
  erqi = await client(t, [{ role: "official", area_code: "410103" }]);
  auditor = await client(t, [{ role: "auditor", area_code: "4101" }]);
});

afterAll(async () => {
  await t.close();
});

async function draft(overrides: Parameters<typeof callDraft>[1] = {}, who = street): Promise<CallDetail> {
  const response = await who.post("/api/v1/calls", callDraft(clock.now, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CallDetail>();
}

async function publish(call: CallDetail, who = street): Promise<CallDetail> {
  const response = await who.post(`/api/v1/calls/${call.id}/publish`, { version: call.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CallDetail>();
}

describe("drafting a call", () => {
  it("creates a draft with rubric, panel, ocid and an audit row", async () => {
    const call = await draft({ reviewer_ids: [evaluator.id, district.id] });
    expect(call).toMatchObject({ status: "draft", ocid: `ocds-sanshe-${call.id}`, area_code: "410105007", version: 1 });
    expect(call.criteria.map((c) => c.weight)).toEqual([40, 35, 25]);
    expect(call.reviewers.map((r) => r.user_id).sort()).toEqual([evaluator.id, district.id].sort());
    expect(call.viewer.purchaser).toBe(true);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "calls.create"), eq(auditLog.entityId, call.id)));
    expect(audited).toHaveLength(1);
  });

  it("replays a retried creation with the same Idempotency-Key instead of drafting twice", async () => {
    const headers = { "idempotency-key": `call-${Date.now()}` };
    const body = callDraft(clock.now, { title: "重试的项目征集" });
    const first = await street.post("/api/v1/calls", body, { headers });
    const retry = await street.post("/api/v1/calls", body, { headers });
    expect(first.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json<CallDetail>().id).toBe(first.json<CallDetail>().id);
    const listed = (await street.get(`/api/v1/calls?q=${encodeURIComponent("重试的项目征集")}`)).json<{ items: Call[] }>();
    expect(listed.items).toHaveLength(1);
  });

  it("refuses rubric and evaluation weights that do not sum to 100, cap over budget, targets outside, unknown categories", async () => {
    const cases: Array<[Parameters<typeof callDraft>[1], string]> = [
      [
        {
          criteria: [
            { name: "a", weight: 50 },
            { name: "b", weight: 49 },
          ],
        },
        "CALL_RUBRIC_WEIGHTS",
      ],
      [{ evaluation_weights: { purchaser: 50, beneficiaries: 30, third_party: 30 } }, "CALL_EVALUATION_WEIGHTS"],
      [{ project_cap_fen: 40_000_000 }, "CALL_CAP_OVER_BUDGET"],
      [{ target_area_codes: ["410105001001"] }, "CALL_TARGET_OUTSIDE"],
      [{ need_categories: ["no_such_category"] }, "CALL_CATEGORY_UNKNOWN"],
    ];
    for (const [overrides, code] of cases) {
      const response = await street.post("/api/v1/calls", callDraft(clock.now, overrides));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code });
    }
    const sum = await street.post("/api/v1/calls", callDraft(clock.now, { criteria: [{ name: "a", weight: 60 }] }));
    expect(sum.json().detail).toContain("60");
  });

  it("accepts only panel members holding projects.review over the call's area", async () => {
    for (const reviewer of [otherStreet, community, org]) {
      const response = await street.post("/api/v1/calls", callDraft(clock.now, { reviewer_ids: [reviewer.id] }));
      expect(response.json()).toMatchObject({ code: "CALL_REVIEWER_INVALID" });
    }
    expect((await street.post("/api/v1/calls", callDraft(clock.now, { reviewer_ids: [city.id, street.id] }))).statusCode).toBe(201);
  });

  it("refuses a call outside the purchaser's jurisdiction and callers without calls.manage", async () => {
    expect((await community.post("/api/v1/calls", callDraft(clock.now))).statusCode).toBe(403);
    expect(
      (await street.post("/api/v1/calls", callDraft(clock.now, { area_code: "410105001", target_area_codes: ["410105001001"] })))
        .statusCode,
    ).toBe(403);
    for (const who of [org, evaluator, resident, worker]) {
      expect((await who.post("/api/v1/calls", callDraft(clock.now))).statusCode).toBe(403);
    }
    const own = await draft({ area_code: "410105007002", purchaser_name: "丰乐社区居委会" }, community);
    expect(own.area_code).toBe("410105007002");
  });

  it("edits a draft with its version (409 on a stale one), then publishes it and refuses further edits", async () => {
    const call = await draft();
    const edited = await street.patch(`/api/v1/calls/${call.id}`, {
      version: 1,
      data: { title: "改过的标题", criteria: [{ name: "综合", weight: 100 }] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<CallDetail>()).toMatchObject({ title: "改过的标题", version: 2 });
    expect(edited.json<CallDetail>().criteria).toHaveLength(1);
    const stale = await street.patch(`/api/v1/calls/${call.id}`, { version: 1, data: { title: "x" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
    const badWeights = await street.patch(`/api/v1/calls/${call.id}`, { version: 2, data: { criteria: [{ name: "综合", weight: 90 }] } });
    expect(badWeights.json()).toMatchObject({ code: "CALL_RUBRIC_WEIGHTS" });
    const published = await publish(edited.json<CallDetail>());
    expect(published).toMatchObject({ status: "open", version: 3 });
    expect(published.published_at).not.toBeNull();
    const late = await street.patch(`/api/v1/calls/${call.id}`, { version: 3, data: { title: "x" } });
    expect(late.json()).toMatchObject({ code: "CALL_WRONG_STATUS" });
    expect((await street.post(`/api/v1/calls/${call.id}/publish`, { version: 3 })).json()).toMatchObject({ code: "CALL_WRONG_STATUS" });
  });

  it("publishes only with a future deadline; cancels what is not awarded", async () => {
    const past = await draft({ submission_deadline: new Date(clock.now.getTime() - 1000).toISOString() });
    const refused = await street.post(`/api/v1/calls/${past.id}/publish`, { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "CALL_DEADLINE_PAST" });
    const cancelled = await street.post(`/api/v1/calls/${past.id}/cancel`, { version: 1 });
    expect(cancelled.json<CallDetail>().status).toBe("cancelled");
    expect((await street.post(`/api/v1/calls/${past.id}/cancel`, { version: 2 })).json()).toMatchObject({ code: "CALL_WRONG_STATUS" });
  });
});

describe("reading calls", () => {
  it("shows drafts to the purchaser side only and published calls to readers in and around the area; 404 elsewhere", async () => {
    const hidden = await draft();
    const open = await publish(await draft({ title: "公开的项目征集" }));
    for (const who of [street, district, city]) {
      expect((await who.get(`/api/v1/calls/${hidden.id}`)).statusCode).toBe(200);
    }
    for (const who of [community, org, evaluator, otherStreet, farOrg]) {
      expect((await who.get(`/api/v1/calls/${hidden.id}`)).statusCode).toBe(404);
    }
    for (const who of [street, community, district, city, org, evaluator]) {
      const response = await who.get(`/api/v1/calls/${open.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<CallDetail>().viewer.purchaser).toBe(who === street || who === district || who === city);
    }
    for (const who of [otherStreet, farOrg, erqi]) {
      expect((await who.get(`/api/v1/calls/${open.id}`)).statusCode).toBe(404);
      expect((await who.get("/api/v1/calls?limit=200")).json<{ items: Call[] }>().items.map((c) => c.id)).not.toContain(open.id);
    }
    for (const who of [resident, worker, auditor]) {
      expect((await who.get(`/api/v1/calls/${open.id}`)).statusCode).toBe(403);
    }
    // Anyone may edit only within the purchaser scope: a community cannot touch the street's call.
    expect((await community.post(`/api/v1/calls/${open.id}/cancel`, { version: open.version })).statusCode).toBe(404);
  });

  it("lists newest first with keyset pages, search, status and mode filters, in a constant number of queries", async () => {
    const marker = `检索${Date.now()}`;
    for (let n = 0; n < 5; n += 1) {
      clock.now = new Date(clock.now.getTime() + 1000);
      await draft({ title: `${marker} 第${n}号`, mode: n % 2 === 0 ? "venture" : "directed" });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/calls?limit=2&q=${encodeURIComponent(marker)}${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await street.get(url)).json<{ items: Call[]; next_cursor: string | null }>();
      seen.push(...page.items.map((c) => c.title));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((n) => `${marker} 第${n}号`));
    const ventures = (await street.get(`/api/v1/calls?mode=venture&q=${encodeURIComponent(marker)}`)).json<{ items: Call[] }>();
    expect(ventures.items).toHaveLength(3);
    const drafts = (await street.get(`/api/v1/calls?status=draft&limit=200`)).json<{ items: Call[] }>();
    expect(drafts.items.every((c) => c.status === "draft")).toBe(true);
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      expect((await street.get(`/api/v1/calls?limit=${limit}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(1)).toBe(await count(100));
  });

  it("shows an open call as under review after its deadline", async () => {
    const call = await publish(await draft({ submission_deadline: new Date(clock.now.getTime() + 3_600_000).toISOString() }));
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    expect((await street.get(`/api/v1/calls/${call.id}`)).json<CallDetail>().status).toBe("under_review");
    const reviewing = (await street.get("/api/v1/calls?status=under_review&limit=200")).json<{ items: Call[] }>();
    expect(reviewing.items.map((c) => c.id)).toContain(call.id);
  });
});

describe("needs behind a call", () => {
  async function need(areaCode: string, category: string, status: "routed" | "closed", createdAt: Date, rating: number | null = null) {
    await t.database.db.insert(needs).values({
      areaCode,
      category,
      description: "测试需求",
      urgency: "normal",
      channel: "staff",
      status,
      tier: "special",
      rating,
      createdAt,
      updatedAt: createdAt,
    });
  }

  it("counts open and last-12-months needs per category and target area, and suggests a call from unmet needs", async () => {
    const recent = new Date(clock.now.getTime() - 30 * 86_400_000);
    const old = new Date(clock.now.getTime() - 400 * 86_400_000);
    await need("410105007002", "elderly_care", "routed", recent);
    await need("410105007002", "elderly_care", "routed", old);
    await need("410105007002", "elderly_care", "closed", recent, 5);
    await need("410105007002", "elderly_care", "closed", recent, 1);
    await need("410105007003", "disability", "routed", recent);
    await need("410105007003", "disability", "routed", recent);
    await need("410105007003", "disability", "routed", recent);
    await need("410105001001", "disability", "routed", recent);
    const call = await draft({ need_categories: ["elderly_care", "disability"], target_area_codes: ["410105007002", "410105007003"] });
    const before = t.database.stats.queries;
    const detail = (await street.get(`/api/v1/calls/${call.id}`)).json<CallDetail>();
    expect(t.database.stats.queries - before).toBeLessThanOrEqual(6);
    expect(detail.need_counts.categories).toEqual([
      { code: "elderly_care", open: 2, last_12_months: 3 },
      { code: "disability", open: 3, last_12_months: 3 },
    ]);
    expect(detail.need_counts.areas).toEqual([
      { area_code: "410105007002", area_name: "丰乐社区居民委员会", open: 2, last_12_months: 3 },
      { area_code: "410105007003", area_name: "群英社区居民委员会", open: 3, last_12_months: 3 },
    ]);

    const suggestion = (await street.get("/api/v1/calls/suggestion?area=410105007")).json<CallSuggestion>();
    // Unmet in the last year: disability 3 (410105007003), elderly care 2 (one open, one closed unsatisfied).
    expect(suggestion.categories.map((c) => [c.code, c.count])).toEqual([
      ["disability", 3],
      ["elderly_care", 2],
    ]);
    expect(suggestion.areas).toEqual([
      { area_code: "410105007003", count: 3 },
      { area_code: "410105007002", count: 2 },
    ]);
    expect(suggestion.draft).toMatchObject({ area_code: "410105007", need_categories: ["disability", "elderly_care"] });
    expect(suggestion.draft.title).toContain("助残服务");
    expect(suggestion.draft.description).toContain("5 件");
    expect((await otherStreet.get("/api/v1/calls/suggestion?area=410105007")).statusCode).toBe(404);
    expect((await org.get("/api/v1/calls/suggestion?area=410105007")).statusCode).toBe(403);
  });
});
