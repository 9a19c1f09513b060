import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ActionItem, ActionItemStatus, CountedPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { conveneMeeting, recordResolution } from "../test/factories.js";
import { actionItems, meetings } from "../schema.js";

/**
 * The action-items list (督办事项) sorts by due date, status and owner, keyset-paginated under every
 * sort with ties, counts only the caller's items (owned, or of meetings they convened) and exports
 * exactly those with the owner unit by name and overdue marked. The role that gains by breaking it: a
 * street official reading another street's action items through a sort, a total or an export.
 */

// 10:00 on 9 March in Beijing: open items due on the 8th are overdue.
const today = new Date("2026-03-09T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let official: { http: Client; id: string };
let ownerA: { http: Client; id: string };
type Row = { id: string; due_on: string; status: number; owner: string };
const mine: Row[] = [];
const community = "410105007002";
const statusRank: Record<ActionItemStatus, number> = { open: 1, done: 2, closed: 3 };

async function client(grants: Parameters<typeof buildUser>[1], displayName?: string) {
  const user = await buildUser(t.ctx, grants, displayName ? { display_name: displayName } : {});
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

/** A held meeting of `areaCode` convened by `convener`, with one resolution carrying `owners.length` items. */
async function meetingWithItems(convener: Client, areaCode: string, communityCode: string, owners: string[]): Promise<ActionItem[]> {
  const meeting = await conveneMeeting(convener, {
    area_code: areaCode,
    starts_at: "2026-03-10T10:00:00+08:00",
    ends_at: "2026-03-10T12:00:00+08:00",
    schedule: true,
  });
  await t.ctx.db.update(meetings).set({ status: "held" }).where(eq(meetings.id, meeting.id));
  const agendaItem = meeting.agenda[0]?.id as string;
  const resolved = await recordResolution(convener, meeting.id, {
    agenda_item_id: agendaItem,
    action_items: owners.map((owner, index) => ({
      owner_kind: "community" as const,
      owner_community_code: communityCode,
      owner_user_id: owner,
      due_on: "2026-03-20",
      expected_result: `成果 ${index}`,
    })),
  });
  return resolved.agenda[0]?.resolutions.at(-1)?.action_items ?? [];
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  official = await client([{ role: "official", area_code: "410105007" }]);
  ownerA = await client([{ role: "community_staff", area_code: community }], "owner-a");
  const ownerB = await client([{ role: "community_staff", area_code: community }], "owner-b");
  // Ties on every column: due dates, statuses and owners are shared.
  const rows: Array<{ owner: { id: string }; name: string; due_on: string; status: ActionItemStatus }> = [
    { owner: ownerB, name: "owner-b", due_on: "2026-03-10", status: "open" },
    { owner: ownerA, name: "owner-a", due_on: "2026-03-08", status: "done" },
    { owner: ownerB, name: "owner-b", due_on: "2026-03-10", status: "closed" },
    { owner: ownerA, name: "owner-a", due_on: "2026-03-12", status: "open" },
    { owner: ownerA, name: "owner-a", due_on: "2026-03-08", status: "open" },
  ];
  const items = await meetingWithItems(
    official.http,
    "410105007",
    community,
    rows.map((row) => row.owner.id),
  );
  for (const [index, row] of rows.entries()) {
    const item = items[index] as ActionItem;
    // The resolution lists its items by due date then id: set every column, the owner too.
    await t.ctx.db
      .update(actionItems)
      .set({ dueOn: row.due_on, status: row.status, ownerUserId: row.owner.id })
      .where(eq(actionItems.id, item.id));
    mine.push({ id: item.id, due_on: row.due_on, status: statusRank[row.status], owner: row.name });
  }
  const otherStreet = await client([{ role: "official", area_code: "410105001" }]);
  const otherStaff = await client([{ role: "community_staff", area_code: "410105001003" }], "owner-elsewhere");
  await meetingWithItems(otherStreet.http, "410105001", "410105001003", [otherStaff.id]);
});

afterAll(async () => {
  await t.close();
});

describe("action-items list sorting, totals and export", () => {
  it.each(["due_on", "-due_on", "status", "-status", "owner", "-owner"])(
    "sort=%s walks every row once, in order, across pages with ties",
    async (sort) => {
      const walked = await walkSorted<ActionItem>(official.http, "/api/v1/action-items?role=convener", sort);
      expect(walked.ids).toEqual(sortedOrder(mine, sort, (row, column) => row[column as keyof Row]));
      expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
    },
  );

  it("the default order is the nearest due date first", async () => {
    expect((await walkSorted(official.http, "/api/v1/action-items?role=convener", null)).ids).toEqual(
      sortedOrder(mine, "due_on", (row) => row.due_on),
    );
  });

  it("refuses a sort outside the allow-list and a cursor made under another sort with 400 VALIDATION_FAILED", async () => {
    for (const response of [
      await official.http.get("/api/v1/action-items?role=convener&sort=expected_result"),
      await crossSortCursor(official.http, "/api/v1/action-items?role=convener", "owner", "-owner"),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
    }
  });

  it("counts the owner's own items under the filters", async () => {
    const open = (await ownerA.http.get("/api/v1/action-items?status=open&limit=1")).json<CountedPage<ActionItem>>();
    expect(open).toMatchObject({ total: 2, capped: false });
  });

  it("exports the caller's filtered items only, owner unit by name, status by label, overdue marked, and audits it", async () => {
    const open = await official.http.get("/api/v1/exports/action-items?format=csv&role=convener&status=open&sort=due_on");
    expect(open.statusCode, open.body).toBe(200);
    expect(csvBodyRows(open.body).map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual([
      ["2026-03-08", "办理中", "是", "丰乐社区居民委员会", "owner-a"],
      ["2026-03-10", "办理中", "", "丰乐社区居民委员会", "owner-b"],
      ["2026-03-12", "办理中", "", "丰乐社区居民委员会", "owner-a"],
    ]);
    const all = await official.http.get("/api/v1/exports/action-items?format=csv&role=convener");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("owner-elsewhere");
    expect(await exportAudits(t.database.db, official.id, "action-items")).toHaveLength(2);
  });

  it("refuses the export to a role without meetings.read", async () => {
    const resident = await client([{ role: "resident", area_code: community }]);
    expect((await resident.http.get("/api/v1/exports/action-items?format=csv")).statusCode).toBe(403);
  });
});
