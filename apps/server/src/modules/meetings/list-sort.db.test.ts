import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { MeetingListItem, MeetingStatus } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../platform/pagination/test/sorted-walk.js";
import { conveneMeeting } from "./test/factories.js";
import { meetings } from "./schema.js";

/**
 * The meetings list sorts by start, title and status (in the order of a meeting's life), keyset-paginated
 * under every sort with ties, counts only the meetings the caller reads and exports exactly those. The
 * role that gains by breaking it: a street official reading another street's meetings through a sort,
 * a total or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
type Row = { id: string; starts_at: string; title: string; status: number };
const mine: Row[] = [];
const statusRank: Record<MeetingStatus, number> = { draft: 1, scheduled: 2, held: 3, minuted: 4, cancelled: 5 };

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date("2026-03-01T01:00:00Z") });
  official = await client([{ role: "official", area_code: "410105007" }]);
  // Ties on every column: two starts, two titles and two statuses are shared.
  const rows: Array<{ title: string; starts_at: string; status: MeetingStatus }> = [
    { title: "meeting-b", starts_at: "2026-03-05T02:00:00.000Z", status: "held" },
    { title: "meeting-a", starts_at: "2026-03-03T02:00:00.000Z", status: "scheduled" },
    { title: "meeting-b", starts_at: "2026-03-05T02:00:00.000Z", status: "draft" },
    { title: "meeting-c", starts_at: "2026-03-04T02:00:00.000Z", status: "held" },
    { title: "meeting-a", starts_at: "2026-03-06T02:00:00.000Z", status: "minuted" },
  ];
  for (const row of rows) {
    const meeting = await conveneMeeting(official.http, { area_code: "410105007", title: row.title });
    await t.ctx.db
      .update(meetings)
      .set({ startsAt: new Date(row.starts_at), status: row.status })
      .where(eq(meetings.id, meeting.id));
    mine.push({ id: meeting.id, starts_at: row.starts_at, title: row.title, status: statusRank[row.status] });
  }
  const otherStreet = await client([{ role: "official", area_code: "410105001" }]);
  await conveneMeeting(otherStreet.http, { area_code: "410105001", title: "meeting-elsewhere" });
});

afterAll(async () => {
  await t.close();
});

describe("meetings list sorting, totals and export", () => {
  it.each(["starts_at", "-starts_at", "title", "-title", "status", "-status"])(
    "sort=%s walks every row once, in order, across pages with ties",
    async (sort) => {
      const walked = await walkSorted<MeetingListItem>(official.http, "/api/v1/meetings", sort);
      expect(walked.ids).toEqual(sortedOrder(mine, sort, (row, column) => row[column as keyof Row]));
      expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
    },
  );

  it("the default order is the latest start first", async () => {
    expect((await walkSorted(official.http, "/api/v1/meetings", null)).ids).toEqual(
      sortedOrder(mine, "-starts_at", (row) => row.starts_at),
    );
  });

  it("refuses a sort outside the allow-list and a cursor made under another sort with 400 VALIDATION_FAILED", async () => {
    for (const response of [
      await official.http.get("/api/v1/meetings?sort=convener_name"),
      await crossSortCursor(official.http, "/api/v1/meetings", "-title", "title"),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
    }
  });

  it("counts under the filters", async () => {
    const held = (await official.http.get("/api/v1/meetings?status=held&limit=1")).json<{ total: number; capped: boolean }>();
    expect(held).toMatchObject({ total: 2, capped: false });
  });

  it("exports the caller's filtered meetings only, area by name, level and status by label, in the sort, and audits it", async () => {
    const held = await official.http.get("/api/v1/exports/meetings?format=csv&status=held&sort=-starts_at");
    expect(held.statusCode, held.body).toBe(200);
    expect(csvBodyRows(held.body).map((row) => [row[2], row[3], row[4], row[5]])).toEqual([
      ["街道", "南阳新村街道", "meeting-b", "已召开"],
      ["街道", "南阳新村街道", "meeting-c", "已召开"],
    ]);
    const all = await official.http.get("/api/v1/exports/meetings?format=csv");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("meeting-elsewhere");
    expect(await exportAudits(t.database.db, official.id, "meetings")).toHaveLength(2);
  });

  it("refuses the export to a role without meetings.read", async () => {
    const resident = await client([{ role: "resident", area_code: "410105007002" }]);
    expect((await resident.http.get("/api/v1/exports/meetings?format=csv")).statusCode).toBe(403);
  });
});
