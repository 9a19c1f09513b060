import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { ApiClientCreated, NeedDetail, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../../modules/users/test/factories.js";
import { buildSocialOrg } from "../../modules/social-orgs/test/factories.js";

/**
 * Open311 GeoReport v2 over HTTP: every endpoint in JSON and XML (the XML parsed and compared with the
 * JSON), API keys, scope, and a posted request routed, served and closed like any other need.
 */

const clock = new Date("2026-03-02T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let admin: Client;
let staff: Client;
let orgStaff: Client;
let key: string;
let org: { id: string };
const community = "410105007002";
const base = "/open311/v2";

const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ["service", "request", "error", "endpoint", "format"].includes(name),
});

type Doc = Record<string, unknown>;

/** JSON values as XML carries them: text, null as empty. */
function asXmlText(item: Doc): Record<string, string> {
  return Object.fromEntries(
    Object.entries(item).map(([k, v]) => [
      k,
      v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v as string | number | boolean),
    ]),
  );
}

async function both(
  method: "GET" | "POST",
  path: string,
  payload?: string,
): Promise<{ json: LightMyRequestResponse; xml: LightMyRequestResponse }> {
  const call = (format: string) =>
    t.app.inject({
      method,
      url: path.replace("{f}", format),
      ...(payload !== undefined ? { payload, headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
    });
  return { json: await call("json"), xml: await call("xml") };
}

/** Parses the XML answer and checks it carries the same list as the JSON one. */
function expectSameList(pair: { json: LightMyRequestResponse; xml: LightMyRequestResponse }, root: string, item: string): Doc[] {
  expect(pair.json.statusCode).toBe(pair.xml.statusCode);
  expect(pair.json.headers["content-type"]).toContain("application/json");
  expect(pair.xml.headers["content-type"]).toContain("text/xml");
  const json = pair.json.json<Doc[]>();
  const parsed = parser.parse(pair.xml.body) as Record<string, Record<string, Doc[]> | "">;
  const xmlItems = parsed[root] === "" ? [] : (parsed[root]?.[item] ?? []);
  expect(xmlItems).toEqual(json.map(asXmlText));
  return json;
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org = await buildSocialOrg(t.ctx, "410105");
  const signed = async (grants: Parameters<typeof buildUser>[1]) => as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
  admin = await signed([{ role: "admin", area_code: "4101" }]);
  staff = await signed([{ role: "community_staff", area_code: community }]);
  orgStaff = await signed([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  const street = await signed([{ role: "official", area_code: "410105007" }]);
  const rule = await street.post("/api/v1/routing-rules", {
    area_code: "410105007",
    position: 1,
    category: "repairs",
    resident_groups: null,
    area_prefix: null,
    tier: "public",
    provider_kind: "organization",
    provider_id: org.id,
    enabled: true,
  });
  expect(rule.statusCode).toBe(201);
  const created = await admin.post("/api/v1/api-clients", { name: "测试12345热线", area_code: "410105" });
  expect(created.statusCode).toBe(201);
  key = created.json<ApiClientCreated>().api_key;
});

afterAll(async () => {
  await t.close();
});

describe("discovery and services", () => {
  it("describes the endpoint in both formats", async () => {
    const pair = await both("GET", `${base}/discovery.{f}`);
    expect(pair.json.statusCode).toBe(200);
    const json = pair.json.json<{ changeset: string; endpoints: Array<Record<string, unknown>> }>();
    expect(json.endpoints[0]).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      formats: ["text/xml", "application/json"],
    });
    const xml = parser.parse(pair.xml.body) as {
      discovery: { changeset: string; endpoints: { endpoint: Array<Record<string, unknown>> } };
    };
    expect(xml.discovery.changeset).toBe(json.changeset);
    const endpoint = xml.discovery.endpoints.endpoint[0] as { specification: string; formats: { format: string[] } };
    expect(endpoint.specification).toBe(json.endpoints[0]?.specification);
    expect(endpoint.formats.format).toEqual(["text/xml", "application/json"]);
  });

  it("lists the need categories as services, the same in XML and JSON, without a key", async () => {
    const services = expectSameList(await both("GET", `${base}/services.{f}`), "services", "service");
    expect(services.find((s) => s.service_code === "repairs")).toMatchObject({
      service_name: "设施维修",
      metadata: false,
      type: "realtime",
      group: "公共服务",
    });
    expect(services.find((s) => s.service_code === "elderly_care")).toMatchObject({ group: "特殊服务" });
  });

  it("answers a service definition and 404 for an unknown service code, as a GeoReport error list", async () => {
    const pair = await both("GET", `${base}/services/repairs.{f}`);
    expect(pair.json.json()).toEqual({ service_code: "repairs", attributes: [] });
    expect(parser.parse(pair.xml.body)).toEqual({ service_definition: { service_code: "repairs", attributes: "" } });
    const missing = await both("GET", `${base}/services/nonsense.{f}`);
    expect(missing.json.statusCode).toBe(404);
    const errors = expectSameList(missing, "errors", "error");
    expect(errors[0]).toMatchObject({ code: 404 });
  });
});

describe("keys and scope", () => {
  it("refuses a missing, wrong or disabled key with 403 and an error list in both formats", async () => {
    for (const query of ["", "?api_key=wrong-key"]) {
      const pair = await both("GET", `${base}/requests.{f}${query}`);
      expect(pair.json.statusCode).toBe(403);
      const errors = expectSameList(pair, "errors", "error");
      expect(errors).toEqual([{ code: 403, description: expect.stringContaining("OPEN311_KEY_INVALID") }]);
    }
    const post = await both(
      "POST",
      `${base}/requests.{f}`,
      form({ service_code: "repairs", jurisdiction_id: community, description: "x" }),
    );
    expect(post.json.statusCode).toBe(403);
    expect(post.xml.body).toContain("<errors><error><code>403</code>");
  });

  it("requires a community jurisdiction inside the client's scope (400 without, 403 outside) and a known service (400)", async () => {
    const post = (fields: Record<string, string>) =>
      both("POST", `${base}/requests.{f}`, form({ api_key: key, description: "路灯不亮", ...fields }));
    const missing = await post({ service_code: "repairs" });
    expect(missing.json.statusCode).toBe(400);
    expect(expectSameList(missing, "errors", "error")[0]?.description).toContain("OPEN311_JURISDICTION_REQUIRED");
    const street = await post({ service_code: "repairs", jurisdiction_id: "410105007" });
    expect(street.json.statusCode).toBe(400);
    const outside = await post({ service_code: "repairs", jurisdiction_id: "410103001001" });
    expect(outside.json.statusCode).toBe(403);
    expect(expectSameList(outside, "errors", "error")[0]?.description).toContain("OPEN311_JURISDICTION_OUTSIDE");
    const unknown = await post({ service_code: "nonsense", jurisdiction_id: community });
    expect(unknown.json.statusCode).toBe(400);
    expect(expectSameList(unknown, "errors", "error")[0]?.description).toContain("NEED_CATEGORY_UNKNOWN");
    const badPhone = await post({ service_code: "repairs", jurisdiction_id: community, phone: "12" });
    expect(badPhone.json.statusCode).toBe(400);
    const badMedia = await post({ service_code: "repairs", jurisdiction_id: community, media_url: "javascript:alert(1)" });
    expect(badMedia.json.statusCode).toBe(400);
    expect(expectSameList(badMedia, "errors", "error")[0]?.description).toContain("media_url");
    const reads = await both("GET", `${base}/requests.{f}?api_key=${key}&jurisdiction_id=410103`);
    expect(reads.json.statusCode).toBe(403);
  });
});

describe("a request becomes a need", () => {
  let id: string;

  it("creates a need with channel open311, routed by the street's rule, with the contact encrypted and masked", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `${base}/requests.json`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: form({
        api_key: key,
        service_code: "repairs",
        jurisdiction_id: community,
        description: "3号楼单元门禁损坏 <急> & 需要维修",
        address_string: "建设路3号院3号楼",
        lat: "34.7466",
        long: "113.6253",
        first_name: "建国",
        last_name: "王",
        phone: "13800000005",
        email: "wjg@example.com",
        media_url: "https://example.com/photos/door.jpg",
        "attribute[floor]": "3",
      }),
    });
    expect(response.statusCode).toBe(201);
    const [created] = response.json<Array<{ service_request_id: string; service_notice: string; account_id: null }>>();
    id = created?.service_request_id as string;
    expect(created?.service_notice).toContain("已分派");
    const need = (await staff.get(`/api/v1/needs/${id}`)).json<NeedDetail>();
    expect(need).toMatchObject({
      channel: "open311",
      status: "routed",
      area_code: community,
      resident_id: null,
      address: "建设路3号院3号楼",
      contact: { name_masked: "王*国", phone_masked: "138****0005", email_masked: "w***@example.com" },
    });
    expect(need.routing.explanation).toContain("#1");
    expect(need.referrals[0]).toMatchObject({ provider_kind: "organization", provider_id: org.id, status: "pending" });
    expect(need.events[0]).toMatchObject({ kind: "created", actor_login: "open311:测试12345热线" });
    const detail = await staff.get(`/api/v1/needs/${id}`);
    expect(detail.body).not.toContain("13800000005");
    expect(detail.body).not.toContain("王建国");
    const raw = await t.database.db.execute(sql`SELECT contact_enc, lat, long FROM needs WHERE id = ${id}`);
    const row = (raw as { rows: Array<{ contact_enc: string; lat: number; long: number }> }).rows[0];
    expect(row?.contact_enc).toMatch(/^v1:/);
    expect(row?.contact_enc).not.toContain("13800000005");
    expect(row?.contact_enc).not.toContain("王");
    expect(Number(row?.lat)).toBeCloseTo(34.7466);
    const audit = await t.database.db.execute(sql`SELECT actor_login FROM audit_log WHERE entity_id = ${id} AND action = 'needs.create'`);
    expect((audit as { rows: Array<{ actor_login: string }> }).rows).toEqual([{ actor_login: "open311:测试12345热线" }]);
  });

  it("shows the open request in both formats, the same in XML and JSON", async () => {
    const pair = await both("GET", `${base}/requests/${id}.{f}?api_key=${key}`);
    expect(pair.json.statusCode).toBe(200);
    const [request] = expectSameList(pair, "service_requests", "request");
    expect(request).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "repairs",
      service_name: "设施维修",
      description: "3号楼单元门禁损坏 <急> & 需要维修",
      address: "建设路3号院3号楼",
      lat: 34.7466,
      long: 113.6253,
      media_url: "https://example.com/photos/door.jpg",
      status_notes: expect.stringContaining("已分派"),
      expected_datetime: new Date(clock.getTime() + 5 * 86_400_000).toISOString(),
    });
    expect(request?.agency_responsible).toBeTruthy();
    expect(pair.xml.body).toContain("&lt;急&gt; &amp;");
  });

  it("lists requests with filters (ids, service code, status, dates) in both formats", async () => {
    const second = await t.app.inject({
      method: "POST",
      url: `${base}/requests.xml`,
      payload: { api_key: key, service_code: "sanitation", jurisdiction_id: community, description: "楼道堆物" },
    });
    expect(second.statusCode).toBe(201);
    const secondId = (parser.parse(second.body) as { service_requests: { request: Array<{ service_request_id: string }> } })
      .service_requests.request[0]?.service_request_id as string;
    const all = expectSameList(await both("GET", `${base}/requests.{f}?api_key=${key}`), "service_requests", "request");
    expect(all.map((r) => r.service_request_id).sort()).toEqual([secondId, id].sort());
    const byIds = expectSameList(
      await both("GET", `${base}/requests.{f}?api_key=${key}&service_request_id=${id},${secondId},bogus`),
      "service_requests",
      "request",
    );
    expect(byIds).toHaveLength(2);
    const byCode = expectSameList(
      await both("GET", `${base}/requests.{f}?api_key=${key}&service_code=sanitation`),
      "service_requests",
      "request",
    );
    expect(byCode.map((r) => r.service_request_id)).toEqual([secondId]);
    expect(expectSameList(await both("GET", `${base}/requests.{f}?api_key=${key}&status=closed`), "service_requests", "request")).toEqual(
      [],
    );
    const later = encodeURIComponent(new Date(clock.getTime() + 3_600_000).toISOString());
    expect(
      expectSameList(await both("GET", `${base}/requests.{f}?api_key=${key}&start_date=${later}`), "service_requests", "request"),
    ).toEqual([]);
    const bad = await both("GET", `${base}/requests.{f}?api_key=${key}&start_date=yesterday`);
    expect(bad.json.statusCode).toBe(400);
    const unknown = await both("GET", `${base}/requests/${crypto.randomUUID()}.{f}?api_key=${key}`);
    expect(unknown.json.statusCode).toBe(404);
    expect(expectSameList(unknown, "errors", "error")[0]).toMatchObject({ code: 404 });
    const staffNeed = (
      await staff.post("/api/v1/needs", { category: "repairs", description: "窗口登记", area_code: community })
    ).json<NeedDetail>();
    expect((await both("GET", `${base}/requests/${staffNeed.id}.{f}?api_key=${key}`)).json.statusCode).toBe(404);
    expect((await both("GET", `${base}/requests/not-a-uuid.{f}?api_key=${key}`)).json.statusCode).toBe(404);
  });

  it("lists in a constant number of queries", async () => {
    const count = async () => {
      const before = t.database.stats.queries;
      const response = await t.app.inject({ url: `${base}/requests.json?api_key=${key}` });
      expect(response.statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    const first = await count();
    await t.app.inject({
      method: "POST",
      url: `${base}/requests.json`,
      payload: { api_key: key, service_code: "repairs", jurisdiction_id: community, description: "再来一条" },
    });
    expect(await count()).toBe(first);
  });

  it("shows closed with notes after the provider serves and the staff confirm", async () => {
    const need = (await staff.get(`/api/v1/needs/${id}`)).json<NeedDetail>();
    const referral = need.referrals.find((r) => r.status === "pending") as Referral;
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    const accepted = (await t.app.inject({ url: `${base}/requests/${id}.json?api_key=${key}` })).json<Doc[]>()[0];
    expect(accepted).toMatchObject({ status: "open", status_notes: "服务方已接单" });
    const record = await orgStaff.post(`/api/v1/referrals/${referral.id}/service-records`, {
      served_on: "2026-03-02",
      minutes: 30,
      party_kind: "organization",
      party_name: "维修服务方",
    });
    expect(record.statusCode, record.body).toBe(201);
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/complete`)).statusCode).toBe(200);
    // The reporter has no account: staff who did not serve it confirm at once by a recorded call-back.
    const callback = {
      method: "phone",
      called_at: clock.toISOString(),
      answered_by: "报告人",
      summary: "门禁已修好",
    };
    const confirmed = await staff.post(`/api/v1/needs/${id}/confirmation`, {
      solved: true,
      rating: 5,
      comment: "电话回访已修好",
      callback,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const pair = await both("GET", `${base}/requests/${id}.{f}?api_key=${key}`);
    const [closed] = expectSameList(pair, "service_requests", "request");
    expect(closed).toMatchObject({ status: "closed", status_notes: "已办结：电话回访已修好", expected_datetime: null });
    const closedList = expectSameList(
      await both("GET", `${base}/requests.{f}?api_key=${key}&status=closed`),
      "service_requests",
      "request",
    );
    expect(closedList.map((r) => r.service_request_id)).toEqual([id]);
  });

  it("answers in English with Accept-Language: en", async () => {
    const response = await t.app.inject({ url: `${base}/requests/${id}.json?api_key=${key}`, headers: { "accept-language": "en" } });
    expect(response.json<Doc[]>()[0]).toMatchObject({
      service_name: "Facility repairs",
      status_notes: "Closed after confirmation: 电话回访已修好",
    });
  });

  it("refuses the key once the administrator disables the client", async () => {
    const list = (await admin.get("/api/v1/api-clients")).json<{ items: Array<{ id: string; version: number; name: string }> }>();
    const entry = list.items.find((c) => c.name === "测试12345热线");
    expect(entry).toBeDefined();
    const disabled = await admin.put(`/api/v1/api-clients/${entry?.id}/status`, { enabled: false, version: entry?.version });
    expect(disabled.statusCode).toBe(200);
    const pair = await both("GET", `${base}/requests/${id}.{f}?api_key=${key}`);
    expect(pair.json.statusCode).toBe(403);
    expectSameList(pair, "errors", "error");
    await admin.put(`/api/v1/api-clients/${entry?.id}/status`, { enabled: true, version: (entry?.version ?? 0) + 1 });
    expect((await t.app.inject({ url: `${base}/requests/${id}.json?api_key=${key}` })).statusCode).toBe(200);
  });

  it("answers unknown paths under /open311/v2 with a GeoReport 404", async () => {
    const response = await t.app.inject({ url: `${base}/nothing.xml` });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("<errors><error><code>404</code>");
  });
});
