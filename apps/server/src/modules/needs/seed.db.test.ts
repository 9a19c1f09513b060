import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { demoAgencyName } from "../social-orgs/index.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { buildResident } from "../residents/test/factories.js";
import { seedNeeds } from "./seed.js";
import { routingRules } from "./schema.js";

/** The needs demo seed gives demo-worker a personal inbox with referrals in every state, once. */

const community = "410105007002";
let t: TestApp;
let workerRecord: string;

beforeAll(async () => {
  t = await createTestApp();
  const agency = await buildSocialOrg(t.ctx, "410105", { name: demoAgencyName });
  const account = await buildUser(t.ctx, [{ role: "social_worker", area_code: community, organization_id: agency.id }], {
    login: "demo-worker",
  });
  workerRecord = (await buildSocialWorker(t.ctx, { organizationId: agency.id, areaCode: community })).id;
  await t.ctx.db.update(socialWorkers).set({ userId: account.id }).where(eq(socialWorkers.id, workerRecord));
  for (const name of ["甲", "乙", "丙"]) {
    await buildResident(t.ctx, { area_code: community, name: `居民${name}` });
  }
});

afterAll(async () => {
  await t.close();
});

describe("needs demo seed", () => {
  it("routes 南阳新村街道's counseling to demo-worker's social worker and fills the inbox in every state", async () => {
    const options = { demoPassword: "x", minFreeBytes: 0, log: () => undefined };
    await seedNeeds(t.ctx, options);
    await seedNeeds(t.ctx, options);
    const demo = as(t.app, await signIn(t.app, "demo-worker"));
    const rules = await t.ctx.db.select().from(routingRules).where(eq(routingRules.providerKind, "social_worker"));
    expect(rules).toEqual([
      expect.objectContaining({ areaCode: "410105007", category: "counseling", tier: "professional", providerId: workerRecord }),
    ]);
    const response = await demo.get("/api/v1/referrals?inbox=1&limit=100");
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: Referral[]; unread: number }>();
    const personal = page.items.filter((item) => item.provider_kind === "social_worker");
    expect(personal.every((item) => item.provider_id === workerRecord && item.category === "counseling")).toBe(true);
    // failed: the resident said the reopened need was not solved after the worker's service.
    expect(new Set(personal.map((item) => item.status))).toEqual(new Set(["pending", "accepted", "done", "failed", "declined"]));
    expect(personal.filter((item) => item.description.includes("社工个人转介"))).toHaveLength(7);
    expect(page.unread).toBeGreaterThan(0);
  });
});
