import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HomeTodos } from "@sanshe/contracts/home";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { modules } from "../registry.js";

let t: TestApp;
const logins = [
  "demo-city",
  "demo-district",
  "demo-district-erqi",
  "demo-street",
  "demo-community",
  "demo-org",
  "demo-worker",
  "demo-evaluator",
  "demo-resident",
  "demo-auditor",
  "demo-department",
] as const;
const clients = new Map<string, ReturnType<typeof as>>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const login of logins) {
    clients.set(login, as(t.app, await signIn(t.app, login)));
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe("probe", () => {
  it("prints", async () => {
    for (const login of logins) {
      const r = await clients.get(login)!.get("/api/v1/home/todos");
      console.log(login, r.statusCode, JSON.stringify(r.json<HomeTodos>()));
    }
  });
});
