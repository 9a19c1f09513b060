import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Page } from "@sanshe/contracts";
import type { AdminTask, Occurrence, Refusal } from "@sanshe/contracts/admin-tasks";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { queryRows } from "../../platform/db/client.js";
import { modules } from "../registry.js";

/**
 * The demo world's de-administration: tasks in every state in 金水区, the demo department's account,
 * money credited to the admitted funded tasks' communities, 丰乐社区's queue and refusals; seeding twice
 * adds nothing.
 */

let t: TestApp;
const clients = new Map<string, ReturnType<typeof as>>();

beforeAll(async () => {
  t = await createTestApp();
  const options = { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined };
  await seedDemo(t.ctx, modules, options);
  await seedDemo(t.ctx, modules, options);
  for (const login of ["demo-department", "demo-street", "demo-district", "demo-community", "demo-city"]) {
    clients.set(login, as(t.app, await signIn(t.app, login)));
  }
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe("demo de-administration", () => {
  it("has tasks in every state, once", async () => {
    const rows = await queryRows<{ status: string; escalated: boolean; n: number }>(
      t.database.db,
      sql`SELECT status, escalated_at IS NOT NULL AS escalated, count(*)::int AS n FROM admin_tasks GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const count = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.n, 0);
    expect(count("admitted")).toBe(5);
    expect(count("rejected")).toBe(1);
    expect(count("returned")).toBe(1);
    expect(count("submitted")).toBe(2);
    expect(rows.find((row) => row.status === "submitted" && row.escalated)?.n).toBe(1);
    const [targets] = await queryRows<{ taken_back: number; refused: number }>(
      t.database.db,
      sql`SELECT count(*) FILTER (WHERE status = 'taken_back')::int AS taken_back, count(*) FILTER (WHERE status = 'refused')::int AS refused FROM admin_task_targets`,
    );
    expect(targets).toEqual({ taken_back: 1, refused: 1 });
    const [ledger] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM funding_ledger WHERE source = 'task_funding'`,
    );
    // the funded admitted tasks' active targets when they started: 4 + 3 + 4 + 3
    expect(ledger?.n).toBe(14);
  });

  it("the demo department sees its own applications only", async () => {
    const page = (await clients.get("demo-department")!.get("/api/v1/admin-tasks?limit=100")).json<Page<AdminTask>>();
    expect(page.items.length).toBe(3);
    expect(new Set(page.items.map((task) => task.department_name))).toEqual(new Set(["金水区民政局"]));
    const me = (await clients.get("demo-department")!.get("/api/v1/me")).json<{
      memberships: Array<{ role: string; organization_name: string }>;
    }>();
    expect(me.memberships[0]).toMatchObject({ role: "department", organization_name: "金水区民政局" });
  });

  it("丰乐社区 has a queue with logged hours, refusals, and sees the taken-back task leave it", async () => {
    const community = clients.get("demo-community")!;
    const queue = (await community.get("/api/v1/community-queue?limit=200")).json<Page<Occurrence>>();
    expect(queue.items.length).toBeGreaterThan(5);
    expect(queue.items.some((o) => o.status === "done" && o.logged_hours !== null)).toBe(true);
    expect(queue.items.some((o) => o.task_title === "燃气安全入户检查" && o.status === "open")).toBe(false);
    const refusals = (await community.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>();
    expect(refusals.items).toHaveLength(2);
    const district = (await clients.get("demo-district")!.get("/api/v1/admin-tasks?limit=100")).json<Page<AdminTask>>();
    expect(district.items).toHaveLength(9);
  });

  it("an administrator picks a department and creates an account of the department role for it", async () => {
    const city = clients.get("demo-city")!;
    const refs = await city.get("/api/v1/departments/refs?q=民政");
    expect(refs.statusCode, refs.body).toBe(200);
    const bureau = refs.json<Page<{ id: string; name: string; area_code: string }>>().items.find((d) => d.name === "金水区民政局");
    expect(bureau).toMatchObject({ area_code: "410105" });
    // Only account administrators pick departments.
    expect((await clients.get("demo-department")!.get("/api/v1/departments/refs")).statusCode).toBe(403);
    const account = (area: string) => ({
      login: `bureau-${area}`,
      display_name: "民政局工作人员",
      password: "Department-pass-2026",
      memberships: [{ role: "department", area_code: area, organization_id: bureau!.id }],
    });
    // A department account's scope is exactly its department's jurisdiction.
    const wrongScope = await city.post("/api/v1/users", account("410105007"));
    expect(wrongScope.statusCode).toBe(400);
    expect(wrongScope.json<{ code: string }>().code).toBe("MEMBERSHIP_INVALID");
    const created = await city.post("/api/v1/users", account("410105"));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ memberships: Array<{ organization_name: string }> }>().memberships[0]?.organization_name).toBe("金水区民政局");
    const signedIn = as(t.app, await signIn(t.app, "bureau-410105", "Department-pass-2026"));
    const mine = (await signedIn.get("/api/v1/admin-tasks?limit=100")).json<Page<AdminTask>>();
    expect(mine.items.map((task) => task.department_name)).toEqual(mine.items.map(() => "金水区民政局"));
    expect(mine.items.length).toBe(3);
  });
});
