import { DEMO_LOGINS, type DemoLogin } from "@sanshe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HomeTodos, Todo, TodoKey } from "@sanshe/contracts/home";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { modules } from "../registry.js";
import { buildUser } from "../users/test/factories.js";

/**
 * 首页待办 on the demo world, per demo role: each role sees what waits for it (an organization its
 * referrals, a street official its 督办, an evaluator its scores, community staff their triage queue),
 * every count is the total of the list its link opens (same predicate, same scope), a second area's
 * records are never counted, and the number of statements does not grow with the data.
 */

let t: TestApp;
const logins = DEMO_LOGINS;
type Login = DemoLogin;
const clients = new Map<string, ReturnType<typeof as>>();

function client(login: string) {
  const found = clients.get(login);
  if (!found) {
    throw new Error(`no client for ${login}`);
  }
  return found;
}

async function todosOf(login: string): Promise<HomeTodos> {
  const response = await client(login).get("/api/v1/home/todos");
  expect(response.statusCode, response.body).toBe(200);
  return response.json<HomeTodos>();
}

function todo(todos: HomeTodos, key: TodoKey): Todo {
  const found = todos.items.find((item) => item.key === key);
  if (!found) {
    throw new Error(`no to-do ${key} in ${JSON.stringify(todos.items.map((item) => item.key))}`);
  }
  return found;
}

/** Every item of a list endpoint, page by page (200 a page). */
async function listAll(login: string, url: string): Promise<Array<{ overdue?: boolean }>> {
  const items: Array<{ overdue?: boolean }> = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes("?") ? "&" : "?";
    const response = await client(login).get(`${url}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: Array<{ overdue?: boolean }>; next_cursor: string | null }>();
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** The API list behind each console link (the console's referral page is the inbox: inbox=1). */
const apiOf: Partial<Record<TodoKey, (href: string) => string>> = {
  needs_to_triage: (href) => `/api/v1${href.replace("?", "?inbox=1&")}`,
  referrals_to_accept: (href) => `/api/v1${href.replace("?", "?inbox=1&")}`,
  referrals_in_service: (href) => `/api/v1${href.replace("?", "?inbox=1&")}`,
  confirmations_missing: (href) => `/api/v1${href}`,
  needs_to_confirm: (href) => `/api/v1${href}`,
  action_items_to_report: (href) => `/api/v1${href}`,
  action_items_supervised: (href) => `/api/v1${href}`,
  action_items_to_accept: (href) => `/api/v1${href}`,
  admin_tasks_to_review: (href) => `/api/v1${href}`,
  invitations_to_answer: (href) => `/api/v1${href}`,
  reviews_to_score: (href) => `/api/v1${href}`,
  milestones_to_accept: (href) => `/api/v1${href}`,
  evaluations_to_give: (href) => `/api/v1${href}`,
  admin_tasks_returned: (href) => `/api/v1${href}`,
  queue_open: () => "/api/v1/community-queue?status=open",
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const login of logins) {
    clients.set(login, as(t.app, await signIn(t.app, login)));
  }
}, 180_000);

afterAll(async () => {
  await t.close();
});

describe("GET /home/todos on the demo world", () => {
  it("answers 401 without a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/home/todos" })).statusCode).toBe(401);
  });

  it("shows each role what waits for it, with real counts from the demo world", async () => {
    expect(todo(await todosOf("demo-org"), "referrals_to_accept").count).toBeGreaterThan(0);
    expect(todo(await todosOf("demo-worker"), "referrals_to_accept").count).toBeGreaterThan(0);
    const street = await todosOf("demo-street");
    // The street official's 督办: open action items of the meetings they convened, overdue ones flagged.
    expect(todo(street, "action_items_supervised").count).toBeGreaterThan(0);
    expect(todo(street, "action_items_supervised").overdue).toBeGreaterThan(0);
    expect(todo(street, "action_items_to_accept").count).toBeGreaterThan(0);
    const community = await todosOf("demo-community");
    expect(todo(community, "needs_to_triage").count).toBeGreaterThan(0);
    expect(todo(community, "confirmations_missing").count).toBeGreaterThan(0);
    expect(todo(community, "queue_open").count).toBeGreaterThan(0);
    expect(todo(await todosOf("demo-evaluator"), "reviews_to_score").count).toBeGreaterThan(0);
    expect(todo(await todosOf("demo-district"), "admin_tasks_to_review").count).toBeGreaterThan(0);
    expect(todo(await todosOf("demo-resident"), "needs_to_confirm").count).toBeGreaterThan(0);
  });

  it("computes a kind only for those who act on it: no referrals for officials, nothing for the auditor", async () => {
    const keysOf = async (login: Login) => (await todosOf(login)).items.map((item) => item.key);
    expect(await keysOf("demo-street")).not.toContain("referrals_to_accept");
    expect(await keysOf("demo-street")).not.toContain("needs_to_triage");
    expect(await keysOf("demo-org")).not.toContain("action_items_supervised");
    expect(await keysOf("demo-org")).not.toContain("confirmations_missing");
    expect(await keysOf("demo-evaluator")).not.toContain("referrals_to_accept");
    expect(await keysOf("demo-resident")).toEqual(["needs_to_confirm"]);
    expect(await todosOf("demo-auditor")).toEqual({ items: [], figures: null });
  });

  it("counts exactly the records of the list each link opens, overdue ones as that list marks them", async () => {
    const checked = new Set<TodoKey>();
    for (const login of logins) {
      for (const item of (await todosOf(login)).items) {
        const api = apiOf[item.key];
        if (!api) {
          continue;
        }
        const listed = await listAll(login, api(item.href));
        expect({ login, key: item.key, count: item.count }).toEqual({ login, key: item.key, count: listed.length });
        if (item.overdue !== null && listed.every((row) => row.overdue !== undefined)) {
          expect({ login, key: item.key, overdue: item.overdue }).toEqual({
            login,
            key: item.key,
            overdue: listed.filter((row) => row.overdue).length,
          });
        }
        if (item.count > 0) {
          checked.add(item.key);
        }
      }
    }
    // Non-empty counts proved for triage, referrals, 督办 (both sides), confirmations, invitations, reviews, admission and the queue
    // (the demo world has no reported milestone or pending evaluation yet: those two are proved equal at zero).
    expect([...checked].sort()).toEqual(
      expect.arrayContaining([
        "invitations_to_answer",
        "reviews_to_score",
        "needs_to_triage",
        "referrals_to_accept",
        "referrals_in_service",
        "confirmations_missing",
        "action_items_to_report",
        "action_items_supervised",
        "action_items_to_accept",
        "admin_tasks_to_review",
        "queue_open",
        "needs_to_confirm",
      ]),
    );
  });

  it("never counts a second area's records: another community's triage queue, another district's figures", async () => {
    const before = todo(await todosOf("demo-community"), "needs_to_triage").count;
    // Staff of a neighbouring community (same street) take in a need that routes to their own triage queue.
    const neighbour = await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007003" }]);
    clients.set(neighbour.login, as(t.app, await signIn(t.app, neighbour.login)));
    const neighbourBefore = todo(await todosOf(neighbour.login), "needs_to_triage").count;
    const created = await client(neighbour.login).post("/api/v1/needs", {
      category: "sanitation",
      description: "楼道垃圾堆放需要清理（测试）",
      urgency: "normal",
      area_code: "410105007003",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(todo(await todosOf(neighbour.login), "needs_to_triage").count).toBe(neighbourBefore + 1);
    expect(todo(await todosOf("demo-community"), "needs_to_triage").count).toBe(before);

    // 二七区's official: no needs there, whatever 金水区 holds.
    const erqi = await todosOf("demo-district-erqi");
    const jinshui = await todosOf("demo-district");
    const reported = (todos: HomeTodos) => todos.figures?.items.find((figure) => figure.key === "needs_reported")?.value;
    expect(erqi.figures?.area_code).toBe("410103");
    expect(reported(erqi)).toBe(0);
    expect(reported(jinshui)).toBeGreaterThan(0);
    expect(todo(erqi, "admin_tasks_to_review").count).toBe(0);
    expect(todo(jinshui, "admin_tasks_to_review").count).toBeGreaterThan(0);
  });

  it("gives officials their area's key figures with the previous period, and no one else", async () => {
    const street = (await todosOf("demo-street")).figures;
    expect(street).toMatchObject({ area_code: "410105007", href: "/needs/dashboard?area=410105007" });
    expect(street?.items.map((figure) => figure.key)).toEqual([
      "needs_reported",
      "needs_closed",
      "resident_confirmation_share",
      "average_rating",
    ]);
    expect(street?.items.every((figure) => "previous" in figure)).toBe(true);
    const dashboard = await client("demo-street").get(`/api/v1/needs/dashboard?area=410105007&from=${street?.from}&to=${street?.to}`);
    expect(street?.items[0]?.value).toBe(dashboard.json<{ totals: { total: number } }>().totals.total);
    for (const login of ["demo-community", "demo-org", "demo-worker", "demo-evaluator", "demo-resident", "demo-department"]) {
      expect((await todosOf(login)).figures).toBeNull();
    }
  });

  it("runs one aggregate statement per kind, however many records wait", async () => {
    const statements = async (login: string) => {
      const before = t.database.stats.queries;
      await todosOf(login);
      return t.database.stats.queries - before;
    };
    const small = await statements("demo-community");
    for (let index = 0; index < 5; index += 1) {
      const created = await client("demo-community").post("/api/v1/needs", {
        category: "sanitation",
        description: `小区路灯损坏需要维修（测试 ${index}）`,
        urgency: "normal",
        area_code: "410105007002",
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    expect(todo(await todosOf("demo-community"), "needs_to_triage").count).toBeGreaterThanOrEqual(5);
    expect(await statements("demo-community")).toBe(small);
    // The session, then one statement per kind: referrals, needs, 督办, invitations, milestones, imports, queue.
    expect(small).toBeLessThanOrEqual(10);
  });
});
