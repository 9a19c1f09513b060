import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoutingPreviewResult, RoutingRule } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildResident } from "../../residents/test/factories.js";
import { buildNeed } from "../test/factories.js";

/**
 * Routing rules as records people can trust: a catch-all must be confirmed, an edit or a delete on a
 * stale version is refused, a rule outside the official's street is not there (404), and the preview
 * counts only the recent needs the official may see.
 */

let clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let street: Client;
let otherStreet: Client;
const community = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

const ruleBody = (data: Record<string, unknown> = {}) => ({
  area_code: "410105007",
  position: 5,
  category: "legal_aid",
  resident_groups: null,
  area_prefix: null,
  tier: "professional",
  provider_kind: "community_queue",
  provider_id: null,
  enabled: true,
  ...data,
});

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  street = await client([{ role: "official", area_code: "410105007" }]);
  otherStreet = await client([{ role: "official", area_code: "410105001" }]);
  const elder = await buildResident(t.ctx, { area_code: community, name: "李奶奶", groups: ["elderly_alone"] });
  // An old need (more than 90 days before the preview), then recent ones in the street and elsewhere.
  clock = new Date("2025-10-01T02:00:00Z");
  await buildNeed(t.ctx, { area_code: community, category: "legal_aid" });
  clock = new Date("2026-02-20T02:00:00Z");
  await buildNeed(t.ctx, { area_code: community, category: "legal_aid" });
  await buildNeed(t.ctx, { area_code: "410105007003", category: "legal_aid" });
  await buildNeed(t.ctx, { area_code: community, category: "elderly_care", resident_id: elder.id });
  await buildNeed(t.ctx, { area_code: "410105001001", category: "legal_aid" });
  clock = new Date("2026-03-02T02:00:00Z");
});

afterAll(async () => {
  await t.close();
});

describe("catch-all rules", () => {
  it("refuses a catch-all rule saved without confirmation (422), and accepts it confirmed", async () => {
    const refused = await street.post("/api/v1/routing-rules", ruleBody({ category: null }));
    expect(refused.statusCode).toBe(422);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({ code: "ROUTING_CATCH_ALL_UNCONFIRMED" });
    const confirmed = await street.post("/api/v1/routing-rules", ruleBody({ category: null, position: 99, confirm_catch_all: true }));
    expect(confirmed.statusCode).toBe(201);
    // a disabled catch-all is not yet catching anything; enabling it is the moment to confirm
    const disabled = await street.post("/api/v1/routing-rules", ruleBody({ category: null, position: 98, enabled: false }));
    expect(disabled.statusCode).toBe(201);
    const rule = disabled.json<RoutingRule>();
    const enable = await street.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, data: { enabled: true } });
    expect(enable.json()).toMatchObject({ code: "ROUTING_CATCH_ALL_UNCONFIRMED" });
    const enabled = await street.patch(`/api/v1/routing-rules/${rule.id}`, {
      version: rule.version,
      data: { enabled: true },
      confirm_catch_all: true,
    });
    expect(enabled.statusCode).toBe(200);
  });

  it("refuses an edit that drops a rule's last condition without confirmation", async () => {
    const rule = (await street.post("/api/v1/routing-rules", ruleBody({ position: 20 }))).json<RoutingRule>();
    const widened = await street.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, data: { category: null } });
    expect(widened.statusCode).toBe(422);
    expect(widened.json()).toMatchObject({ code: "ROUTING_CATCH_ALL_UNCONFIRMED" });
    const unchanged = (await street.get("/api/v1/routing-rules")).json<{ items: RoutingRule[] }>().items.find((r) => r.id === rule.id);
    expect(unchanged).toMatchObject({ category: "legal_aid", version: rule.version });
  });
});

describe("edit and delete", () => {
  it("edits a rule with the version read and refuses the stale second edit (409)", async () => {
    const rule = (await street.post("/api/v1/routing-rules", ruleBody({ position: 30 }))).json<RoutingRule>();
    const first = await street.patch(`/api/v1/routing-rules/${rule.id}`, {
      version: rule.version,
      data: { category: "counseling", resident_groups: ["elderly_alone"], position: 31 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<RoutingRule>()).toMatchObject({ category: "counseling", resident_groups: ["elderly_alone"], position: 31 });
    const stale = await street.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, data: { position: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
  });

  it("deletes a rule only with the current version; a stale delete is 409 and keeps it", async () => {
    const rule = (await street.post("/api/v1/routing-rules", ruleBody({ position: 40 }))).json<RoutingRule>();
    await street.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, data: { position: 41 } });
    const stale = await street.delete(`/api/v1/routing-rules/${rule.id}?version=${rule.version}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
    expect((await street.get("/api/v1/routing-rules")).json<{ items: RoutingRule[] }>().items.some((r) => r.id === rule.id)).toBe(true);
    const deleted = await street.delete(`/api/v1/routing-rules/${rule.id}?version=${rule.version + 1}`);
    expect(deleted.statusCode).toBe(204);
    expect((await street.get("/api/v1/routing-rules")).json<{ items: RoutingRule[] }>().items.some((r) => r.id === rule.id)).toBe(false);
  });

  it("does not let another street's official edit, delete or preview this street's rule (404)", async () => {
    const rule = (await street.post("/api/v1/routing-rules", ruleBody({ position: 50 }))).json<RoutingRule>();
    expect(
      (await otherStreet.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, data: { enabled: false } })).statusCode,
    ).toBe(404);
    expect((await otherStreet.delete(`/api/v1/routing-rules/${rule.id}?version=${rule.version}`)).statusCode).toBe(404);
    const preview = await otherStreet.post("/api/v1/routing-rules/preview", {
      area_code: "410105007",
      category: null,
      resident_groups: null,
      area_prefix: null,
    });
    expect(preview.statusCode).toBe(404);
  });
});

describe("preview", () => {
  const preview = (who: Client, data: Record<string, unknown>) =>
    who.post("/api/v1/routing-rules/preview", {
      area_code: "410105007",
      category: null,
      resident_groups: null,
      area_prefix: null,
      ...data,
    });

  it("counts the needs of the last 90 days in the street that the conditions match, newest first", async () => {
    const legal = (await preview(street, { category: "legal_aid" })).json<RoutingPreviewResult>();
    // the October need is too old and 410105001001 is another street
    expect(legal.days).toBe(90);
    expect(legal.count).toBe(2);
    expect(legal.items.map((item) => item.area_code).sort()).toEqual(["410105007002", "410105007003"]);
    const narrowed = (await preview(street, { category: "legal_aid", area_prefix: "410105007003" })).json<RoutingPreviewResult>();
    expect(narrowed.count).toBe(1);
    const elders = (await preview(street, { resident_groups: ["elderly_alone"] })).json<RoutingPreviewResult>();
    expect(elders.count).toBe(1);
    expect(elders.items[0]).toMatchObject({ category: "elderly_care", area_code: community });
    const everything = (await preview(street, {})).json<RoutingPreviewResult>();
    expect(everything.count).toBe(3);
  });

  it("never counts needs outside the official's scope, even with an area prefix pointing there", async () => {
    const outside = await preview(street, { area_prefix: "410105001001" });
    expect(outside.json()).toMatchObject({ code: "ROUTING_AREA_OUTSIDE" });
    const theirs = (await preview(otherStreet, { area_code: "410105001", category: "legal_aid" })).json<RoutingPreviewResult>();
    expect(theirs.count).toBe(1);
  });
});
