import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { CasePage, CaseStatus } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { buildResident } from "../residents/test/factories.js";
import { openCase } from "./test/factories.js";
import { cases } from "./schema.js";
import { walkSorted } from "../../platform/pagination/test/sorted-walk.js";

/**
 * The cases list sorts by last change, opening date and stage, keyset-paginated with ties, and counts
 * only the cases the caller may read. The role that gains by breaking it: a social worker learning
 * from a total or a sort how many cases a colleague holds, or staff of the next community theirs.
 */

const community = "410105007002";
let t: TestApp;
type Client = ReturnType<typeof as>;
let owner: Client;
let staff: Client;
let neighbourStaff: Client;
const stageOrder: CaseStatus[] = ["intake", "planning", "in_service", "review", "closed"];
const mine: Array<{ id: string; updated: number; opened: string; stage: number }> = [];

async function worker(orgId: string): Promise<Client> {
  const user = await buildUser(t.ctx, [{ role: "social_worker", area_code: community, organization_id: orgId }]);
  const record = await buildSocialWorker(t.ctx, { organizationId: orgId, areaCode: community });
  await t.ctx.db.update(socialWorkers).set({ userId: user.id }).where(eq(socialWorkers.id, record.id));
  return as(t.app, await signIn(t.app, user.login));
}

const walk = (client: Client, sort: string) => walkSorted(client, "/api/v1/cases", sort);

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  owner = await worker(org.id);
  const colleague = await worker(org.id);
  staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: community }])).login));
  neighbourStaff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007003" }])).login));
  // Five cases with ties in every column: two opened the same day, two in the same stage, two changed at the same instant.
  const opened = ["2026-01-05", "2026-01-03", "2026-01-05", "2026-01-04", "2026-01-01"];
  const stages: CaseStatus[] = ["planning", "intake", "review", "planning", "closed"];
  const updated = ["2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-02T00:00:00Z", "2026-02-04T00:00:00Z"];
  for (const [index, openedOn] of opened.entries()) {
    const resident = await buildResident(t.ctx, { area_code: community, name: `排序居民${index}` });
    const { id } = await openCase(owner, resident.id);
    const status = stages[index] as CaseStatus;
    await t.ctx.db
      .update(cases)
      .set({ openedOn, status, updatedAt: new Date(updated[index] as string) })
      .where(eq(cases.id, id));
    mine.push({ id, opened: openedOn, updated: Date.parse(updated[index] as string), stage: stageOrder.indexOf(status) });
  }
  const theirs = await buildResident(t.ctx, { area_code: community, name: "同事的居民" });
  await openCase(colleague, theirs.id);
});

afterAll(async () => {
  await t.close();
});

describe("cases list sorting and totals", () => {
  it.each(["updated_at", "-updated_at", "opened_on", "-opened_on", "status", "-status"])(
    "sort=%s walks every case of the worker once, in order, ties by id",
    async (sort) => {
      const descending = sort.startsWith("-");
      const column = sort.replace(/^-/, "");
      const key = (row: (typeof mine)[number]) =>
        column === "updated_at" ? row.updated : column === "opened_on" ? Date.parse(row.opened) : row.stage;
      const expected = [...mine].sort((a, b) => (key(a) - key(b) || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1)).map((row) => row.id);
      const walked = await walk(owner, sort);
      expect(walked.ids).toEqual(expected);
      expect(walked.totals.every((page) => page.total === mine.length)).toBe(true);
    },
  );

  it("refuses a sort outside the allow-list and a cursor made under another sort with VALIDATION_FAILED", async () => {
    const unknown = await owner.get("/api/v1/cases?sort=resident_name");
    expect({ status: unknown.statusCode, code: unknown.json<{ code: string }>().code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    const first = (await owner.get("/api/v1/cases?limit=1&sort=opened_on")).json<CasePage>();
    const crossed = await owner.get(`/api/v1/cases?limit=1&sort=status&cursor=${first.next_cursor ?? ""}`);
    expect({ status: crossed.statusCode, code: crossed.json<{ code: string }>().code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  });

  it("counts the cases each caller may read: the community's staff all of them, the next community's none", async () => {
    const all = (await staff.get("/api/v1/cases?limit=1&sort=-opened_on")).json<CasePage>();
    expect({ total: all.total, capped: all.capped }).toEqual({ total: mine.length + 1, capped: false });
    const filtered = (await staff.get("/api/v1/cases?limit=1&status=planning")).json<CasePage>();
    expect(filtered.total).toBe(2);
    const none = (await neighbourStaff.get("/api/v1/cases?limit=1")).json<CasePage>();
    expect(none).toMatchObject({ items: [], total: 0, capped: false, next_cursor: null });
  });

  it("caps the total at 10,000 when more cases match (last: it fills the community)", async () => {
    await t.ctx.db.execute(
      sql`INSERT INTO cases (area_code, resident_id, worker_id, presenting_problem, risk_level, opened_on)
          SELECT ${community}, gen_random_uuid(), gen_random_uuid(), '批量', 'low', '2026-01-01' FROM generate_series(1, 10001)`,
    );
    const page = (await staff.get("/api/v1/cases?limit=1")).json<CasePage>();
    expect({ total: page.total, capped: page.capped }).toEqual({ total: 10000, capped: true });
    const workerTotal = (await owner.get("/api/v1/cases?limit=1")).json<CasePage>();
    expect({ total: workerTotal.total, capped: workerTotal.capped }).toEqual({ total: mine.length, capped: false });
  });
});
