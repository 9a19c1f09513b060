import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { AnnouncementReceipt, AnnouncementReceiptPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { csvBodyRows, exportAudits } from "../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../platform/pagination/test/sorted-walk.js";
import { publishAnnouncement } from "./test/factories.js";
import { announcementRecipients } from "./schema.js";

/**
 * The read receipts of an announcement (GET /announcements/:id/receipts): every recipient, read or not,
 * sorted by name or by when they opened it (unread last), keyset-paginated with ties, counted, and
 * exported for the issuing side only. The role that gains by breaking it: an official of another street
 * (or an organization) learning who received a street's announcement and when they read it.
 */

let t: TestApp;
type Client = ReturnType<typeof as>;
let official: { http: Client; id: string };
let announcementId = "";
type Row = { id: string; name: string; read_at: string | null };
const recipients: Row[] = [];
const community = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1], displayName?: string) {
  const user = await buildUser(t.ctx, grants, displayName ? { display_name: displayName } : {});
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

beforeAll(async () => {
  t = await createTestApp();
  official = await client([{ role: "official", area_code: "410105007" }]);
  // Ties on both columns: two names and one reading instant are shared; two have not read it.
  const rows: Array<{ name: string; read_at: string | null }> = [
    { name: "reader-b", read_at: "2026-03-02T01:00:00.000Z" },
    { name: "reader-a", read_at: null },
    { name: "reader-b", read_at: "2026-03-02T01:00:00.000Z" },
    { name: "reader-c", read_at: "2026-03-03T01:00:00.000Z" },
    { name: "reader-a", read_at: null },
  ];
  const staff = [];
  for (const row of rows) {
    staff.push({ ...row, id: (await client([{ role: "community_staff", area_code: community }], row.name)).id });
  }
  const announcement = await publishAnnouncement(official.http, {
    area_code: community,
    audience: { roles: ["community_staff"], organization_ids: [] },
  });
  announcementId = announcement.id;
  for (const row of staff) {
    await t.ctx.db
      .update(announcementRecipients)
      .set({ readAt: row.read_at ? new Date(row.read_at) : null })
      .where(and(eq(announcementRecipients.announcementId, announcementId), eq(announcementRecipients.userId, row.id)));
    recipients.push({ id: row.id, name: row.name, read_at: row.read_at });
  }
  await client([{ role: "community_staff", area_code: "410105007001" }], "reader-elsewhere");
  await publishAnnouncement(official.http, { area_code: "410105007001", audience: { roles: ["community_staff"], organization_ids: [] } });
});

afterAll(async () => {
  await t.close();
});

describe("announcement receipts: sorting, totals and export", () => {
  it.each(["name", "-name", "read_at", "-read_at"])(
    "sort=%s walks every recipient once, in order, across pages with ties",
    async (sort) => {
      const walked = await walkSorted<AnnouncementReceipt>(official.http, `/api/v1/announcements/${announcementId}/receipts`, sort);
      expect(walked.ids).toEqual(sortedOrder(recipients, sort, (row, column) => (column === "name" ? row.name : row.read_at)));
      expect(walked.totals.every((total) => total.total === recipients.length && !total.capped)).toBe(true);
    },
  );

  it("filters read and unread, with their totals", async () => {
    const unread = (
      await official.http.get(`/api/v1/announcements/${announcementId}/receipts?read=unread`)
    ).json<AnnouncementReceiptPage>();
    expect(unread).toMatchObject({ total: 2, capped: false });
    expect(unread.items.every((item) => item.read_at === null && item.display_name === "reader-a")).toBe(true);
    const read = (
      await official.http.get(`/api/v1/announcements/${announcementId}/receipts?read=read&limit=1`)
    ).json<AnnouncementReceiptPage>();
    expect(read).toMatchObject({ total: 3, capped: false });
  });

  it("refuses a sort outside the allow-list and a cursor made under another sort with 400 VALIDATION_FAILED", async () => {
    for (const response of [
      await official.http.get(`/api/v1/announcements/${announcementId}/receipts?sort=user_id`),
      await crossSortCursor(official.http, `/api/v1/announcements/${announcementId}/receipts`, "read_at", "name"),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
    }
  });

  it("lists a page in a constant number of queries", async () => {
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      expect((await official.http.get(`/api/v1/announcements/${announcementId}/receipts?limit=${limit}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(1)).toBe(await count(50));
  });

  it("exports the filtered receipts of that announcement only, read by label, and audits it", async () => {
    const unread = await official.http.get(
      `/api/v1/exports/announcement-receipts?format=csv&announcement_id=${announcementId}&read=unread`,
    );
    expect(unread.statusCode, unread.body).toBe(200);
    expect(csvBodyRows(unread.body).map((row) => [row[0], row[1]])).toEqual([
      ["reader-a", "未读"],
      ["reader-a", "未读"],
    ]);
    const all = await official.http.get(`/api/v1/exports/announcement-receipts?format=csv&announcement_id=${announcementId}&sort=-read_at`);
    expect(csvBodyRows(all.body).map((row) => row[0])).toEqual(["reader-c", "reader-b", "reader-b", "reader-a", "reader-a"]);
    expect(all.body).not.toContain("reader-elsewhere");
    expect(await exportAudits(t.database.db, official.id, "announcement-receipts")).toHaveLength(2);
  });

  it("is the issuing side's only: 404 to an official of another street, 403 to a role that does not publish", async () => {
    const otherStreet = await client([{ role: "official", area_code: "410105001" }]);
    expect((await otherStreet.http.get(`/api/v1/announcements/${announcementId}/receipts`)).statusCode).toBe(404);
    expect(
      (await otherStreet.http.get(`/api/v1/exports/announcement-receipts?format=csv&announcement_id=${announcementId}`)).statusCode,
    ).toBe(404);
    const org = await buildSocialOrg(t.ctx, "410105");
    const orgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
    expect((await orgStaff.http.get(`/api/v1/exports/announcement-receipts?format=csv&announcement_id=${announcementId}`)).statusCode).toBe(
      403,
    );
  });
});
