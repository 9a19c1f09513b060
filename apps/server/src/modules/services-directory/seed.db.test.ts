import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicServicePage } from "@sanshe/contracts";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { seedSocialOrgs } from "../social-orgs/test/factories.js";
import { seedServices } from "./seed.js";

let t: TestApp;
const options = { demoPassword: "x", minFreeBytes: 0, log: () => undefined };

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe(seedServices.name, () => {
  it("publishes about 25 demo services across categories, tiers and prices, once", async () => {
    await seedSocialOrgs(t.ctx);
    await seedServices(t.ctx, options);
    await seedServices(t.ctx, options);
    const page = (await t.app.inject({ method: "GET", url: "/api/v1/public/services?limit=200" })).json<PublicServicePage>();
    expect(page.items.length).toBeGreaterThanOrEqual(20);
    expect(page.items.length).toBeLessThanOrEqual(30);
    expect(new Set(page.items.map((item) => item.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(page.items.map((item) => item.tier)).size).toBe(5);
    expect(new Set(page.items.map((item) => item.price_kind))).toEqual(new Set(["free", "low_cost", "paid"]));
    expect(page.items.filter((item) => item.provider_kind === "organization").length).toBeGreaterThanOrEqual(8);
    expect(page.items.every((item) => item.name.includes("演示") && item.provider_name !== "")).toBe(true);
  });
});
