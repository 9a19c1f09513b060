import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AnnouncementDetail,
  AnnouncementPage,
  AnnouncementSentPage,
  AnnouncementUnreadPage,
  NotificationPage,
} from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { publishAnnouncement, type AnnouncementInput } from "./test/factories.js";

/** Announcements over HTTP: recipients from memberships, scope, read receipts, who has not read, files. */

let clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
type Person = { id: string; client: Client };
let street: Person; // official, 南阳新村街道
let community: Person; // community staff, 丰乐社区
let otherCommunity: Person; // community staff, another community of the street
let orgStaff: Person; // org staff of an agency serving 金水区
let otherOrgStaff: Person; // org staff of another agency, 金水区
let resident: Person;
let erqi: Person; // official of 二七区 (another district)
let agencyId: string;
let otherAgencyId: string;

const street_ = "410105007";
const fengle = "410105007002";

async function person(grants: Parameters<typeof buildUser>[1], name: string): Promise<Person> {
  const account = await buildUser(t.ctx, grants, { display_name: name });
  return { id: account.id, client: as(t.app, await signIn(t.app, account.login)) };
}

/** Publishes a minute after the previous one, so the order by publication time is fixed. */
async function publish(by: Client, input: AnnouncementInput) {
  clock = new Date(clock.getTime() + 60_000);
  return publishAnnouncement(by, input);
}

const mine = async (who: Client, query = "") => {
  const response = await who.get(`/api/v1/announcements${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<AnnouncementPage>();
};

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  const agency = await buildSocialOrg(t.ctx, "410105");
  const other = await buildSocialOrg(t.ctx, "410105");
  agencyId = agency.id;
  otherAgencyId = other.id;
  street = await person([{ role: "official", area_code: street_ }], "街道甲");
  community = await person([{ role: "community_staff", area_code: fengle }], "社区乙");
  otherCommunity = await person([{ role: "community_staff", area_code: "410105007001" }], "社区丙");
  orgStaff = await person([{ role: "org_staff", area_code: "410105", organization_id: agency.id }], "机构丁");
  otherOrgStaff = await person([{ role: "org_staff", area_code: "410105", organization_id: other.id }], "机构戊");
  resident = await person([{ role: "resident", area_code: fengle }], "居民己");
  erqi = await person([{ role: "official", area_code: "410103" }], "二七庚");
});

afterAll(async () => {
  await t.close();
});

describe("audience organizations", () => {
  it("lists the organizations whose staff an announcement to the area reaches, by name, in scope only", async () => {
    const listed = await street.client.get(`/api/v1/announcements/audience-organizations?area_code=${street_}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json<{ items: Array<{ id: string; name: string }> }>().items;
    expect(items.map((org) => org.id).sort()).toEqual([agencyId, otherAgencyId].sort());
    const agencyName = items.find((org) => org.id === agencyId)?.name ?? "";
    const searched = await street.client.get(
      `/api/v1/announcements/audience-organizations?area_code=${street_}&q=${encodeURIComponent(agencyName)}`,
    );
    expect(searched.json<{ items: Array<{ id: string }> }>().items.map((org) => org.id)).toEqual([agencyId]);
    expect((await street.client.get("/api/v1/announcements/audience-organizations?area_code=410103")).statusCode).toBe(404);
    expect((await orgStaff.client.get(`/api/v1/announcements/audience-organizations?area_code=${street_}`)).statusCode).toBe(403);
    expect((await street.client.get("/api/v1/announcements/audience-organizations?area_code=x")).statusCode).toBe(400);
  });
});

describe("publishing", () => {
  it("sends to all staff in the area (and organizations serving it) when no audience is given, not to the sender or residents", async () => {
    const published = await publish(street.client, { area_code: street_, title: "全体通知" });
    expect(published.recipients).toBe(4);
    expect(published.read).toBe(0);
    for (const who of [community, otherCommunity, orgStaff, otherOrgStaff]) {
      expect((await mine(who.client)).items.map((a) => a.title)).toContain("全体通知");
    }
    // A resident (who would gain nothing but staff's internal circulars) does not receive it.
    expect((await mine(resident.client)).items.map((a) => a.title)).not.toContain("全体通知");
    expect((await resident.client.get(`/api/v1/announcements/${published.id}`)).statusCode).toBe(404);
    expect((await mine(street.client)).items).toHaveLength(0);
    expect((await mine(erqi.client)).items).toHaveLength(0);
    const notes = (await orgStaff.client.get("/api/v1/notifications")).json<NotificationPage>();
    expect(notes.items[0]).toMatchObject({ kind: "announcement", title: "全体通知", link: `/announcements/${published.id}` });
  });

  it("narrows to roles or organizations (either matches)", async () => {
    const published = await publish(street.client, {
      area_code: street_,
      title: "定向通知",
      audience: { roles: ["community_staff"], organization_ids: [agencyId] },
    });
    expect(published.recipients).toBe(3);
    expect((await mine(orgStaff.client)).items.map((a) => a.title)).toContain("定向通知");
    expect((await mine(otherOrgStaff.client)).items.map((a) => a.title)).not.toContain("定向通知");
    expect((await mine(resident.client)).items.map((a) => a.title)).not.toContain("定向通知");
  });

  it("reaches residents only when the audience names them", async () => {
    const published = await publish(community.client, {
      area_code: fengle,
      title: "居民活动",
      audience: { roles: ["resident"], organization_ids: [] },
    });
    expect(published.recipients).toBe(1);
    expect((await mine(resident.client)).items.map((a) => a.title)).toContain("居民活动");
  });

  it("publishes only in the sender's jurisdiction or below (404 outside), and needs the permission (403)", async () => {
    const outside = await street.client.post("/api/v1/announcements", { area_code: "410105001", title: "越权", body_html: "<p>x</p>" });
    expect(outside.statusCode).toBe(404);
    const denied = await orgStaff.client.post("/api/v1/announcements", { area_code: "410105", title: "x", body_html: "<p>x</p>" });
    expect(denied.statusCode).toBe(403);
    const below = await publish(community.client, { area_code: fengle, title: "社区通知" });
    expect(below.recipients).toBe(2); // the two agencies' members serving 金水区 (not the resident)
  });

  it("sanitizes the body on the server and refuses one left empty", async () => {
    const published = await publish(street.client, {
      area_code: street_,
      title: "消毒",
      body_html: '<p>安全<script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接</a>',
    });
    expect(published.body_html).not.toMatch(/script|onerror|javascript:/i);
    expect(published.body_html).toContain("安全");
    const empty = await street.client.post("/api/v1/announcements", { area_code: street_, title: "空", body_html: "<script>x</script>" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe("ANNOUNCEMENT_BODY_EMPTY");
  });
});

describe("reading", () => {
  it("lists pinned first, hides expired ones, keyset-paginates and counts unread", async () => {
    await publish(street.client, { area_code: street_, title: "置顶", pinned: true });
    await publish(street.client, { area_code: street_, title: "已过期", expires_at: new Date(clock.getTime() + 30_000).toISOString() });
    clock = new Date(clock.getTime() + 60_000);
    const all = await mine(otherCommunity.client);
    expect(all.items[0]?.title).toBe("置顶");
    expect(all.items.map((a) => a.title)).not.toContain("已过期");
    const titles = all.items.map((a) => a.title);
    const first = await mine(otherCommunity.client, "?limit=2");
    const second = await mine(otherCommunity.client, `?limit=2&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items].map((a) => a.title)).toEqual(titles.slice(0, 4));
    expect(all.unread_count).toBe(titles.length);
  });

  it("opening marks read once; the unread count falls; the sender sees who has not read (names only)", async () => {
    const published = await publish(street.client, { area_code: street_, title: "回执" });
    const before = (await mine(community.client)).unread_count;
    const opened = await community.client.get(`/api/v1/announcements/${published.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json<AnnouncementDetail>().read_at).toBe(clock.toISOString());
    clock = new Date(clock.getTime() + 60_000);
    const again = await community.client.get(`/api/v1/announcements/${published.id}`);
    expect(again.json<AnnouncementDetail>().read_at).not.toBe(clock.toISOString());
    expect((await mine(community.client)).unread_count).toBe(before - 1);
    expect((await mine(community.client, "?unread=1")).items.map((a) => a.id)).not.toContain(published.id);

    const unread = await street.client.get(`/api/v1/announcements/${published.id}/unread?limit=2`);
    expect(unread.statusCode).toBe(200);
    const page1 = unread.json<AnnouncementUnreadPage>();
    expect(Object.keys(page1.items[0] ?? {})).toEqual(["user_id", "display_name"]);
    const page2 = (
      await street.client.get(`/api/v1/announcements/${published.id}/unread?limit=2&cursor=${page1.next_cursor}`)
    ).json<AnnouncementUnreadPage>();
    const names = [...page1.items, ...page2.items].map((r) => r.display_name);
    expect(names).toHaveLength(3); // the resident is not a recipient of a circular without roles
    expect(names).not.toContain("社区乙");

    const sent = (await street.client.get("/api/v1/announcements/sent")).json<AnnouncementSentPage>();
    expect(sent.items.find((a) => a.id === published.id)).toMatchObject({ recipients: 4, read: 1 });
    const detail = (await street.client.get(`/api/v1/announcements/${published.id}`)).json<AnnouncementDetail>();
    expect(detail).toMatchObject({ recipients: 4, read: 1, read_at: null });
  });

  it("answers 404 to people who neither received nor manage it", async () => {
    const published = await publish(community.client, { area_code: fengle, title: "仅丰乐" });
    expect((await otherCommunity.client.get(`/api/v1/announcements/${published.id}`)).statusCode).toBe(404);
    expect((await erqi.client.get(`/api/v1/announcements/${published.id}/unread`)).statusCode).toBe(404);
    expect((await otherCommunity.client.get(`/api/v1/announcements/${published.id}/unread`)).statusCode).toBe(404);
    expect((await resident.client.get(`/api/v1/announcements/${published.id}/unread`)).statusCode).toBe(403);
  });

  it("edits with the version and answers a stale one with 409", async () => {
    const published = await publish(street.client, { area_code: street_, title: "待改" });
    const edited = await street.client.patch(`/api/v1/announcements/${published.id}`, { pinned: true, version: published.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<AnnouncementDetail>()).toMatchObject({ pinned: true, version: published.version + 1 });
    const stale = await street.client.patch(`/api/v1/announcements/${published.id}`, { title: "又改", version: published.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("VERSION_CONFLICT");
  });

  it("lists with a constant number of queries", async () => {
    const count = async (who: Client, url: string) => {
      const before = t.database.stats.queries;
      expect((await who.get(url)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    await count(resident.client, "/api/v1/announcements");
    await count(street.client, "/api/v1/announcements/sent");
    expect(await count(resident.client, "/api/v1/announcements?limit=1")).toBe(
      await count(resident.client, "/api/v1/announcements?limit=50"),
    );
    expect(await count(street.client, "/api/v1/announcements/sent?limit=1")).toBe(
      await count(street.client, "/api/v1/announcements/sent?limit=50"),
    );
  });
});

describe("attachments", () => {
  const pdf = Buffer.from("%PDF-1.4\n%demo\n");
  const upload = (who: Client, id: string, bytes: Buffer, type = "application/pdf") =>
    who.post(`/api/v1/announcements/${id}/attachments`, bytes, { headers: { "content-type": type } });

  it("takes PDFs and images by their bytes, names them itself, and serves them only to recipients and managers", async () => {
    const published = await publish(community.client, {
      area_code: fengle,
      title: "带附件",
      audience: { roles: ["resident"], organization_ids: [] },
    });
    const added = await upload(community.client, published.id, pdf);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ file_name: "附件-1.pdf", content_type: "application/pdf", size_bytes: pdf.length });
    const fake = await upload(community.client, published.id, Buffer.from("<script>alert(1)</script>"));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe("ANNOUNCEMENT_FILE_TYPE_REFUSED");
    expect((await upload(resident.client, published.id, pdf)).statusCode).toBe(403);
    expect((await upload(otherCommunity.client, published.id, pdf)).statusCode).toBe(404);

    const url = `/api/v1/announcements/${published.id}/attachments/${added.json().id}`;
    const download = await resident.client.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await otherCommunity.client.get(url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const detail = (await resident.client.get(`/api/v1/announcements/${published.id}`)).json<AnnouncementDetail>();
    expect(detail.attachments.map((a) => a.file_name)).toEqual(["附件-1.pdf"]);
  });
});
