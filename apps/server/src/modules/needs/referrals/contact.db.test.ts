import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { NeedDetail, Referral, ReferralContact } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { needs } from "../schema.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { buildUser } from "../../users/test/factories.js";
import { buildResident } from "../../residents/test/factories.js";

/**
 * Issue 17: the referral inbox tells the provider whom to visit (urgency, name, phone, address), masked
 * until it accepts; after accepting, an audited "show contact" reveals them. Written as the provider
 * that gains by seeing too early and the other organization that gains by seeing at all.
 */

let t: TestApp;
type Client = ReturnType<typeof as>;
const community = "410105007002";
let staff: Client;
let orgStaff: Client;
let otherOrgStaff: Client;
let otherStaff: Client;
let residentId: string;

type Inbox = { items: Referral[] };
const purpose = { purpose: "电话预约上门时间" };

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  return as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
}

function expectProblem(response: { statusCode: number; body: string; json: () => { code: string } }, status: number, code: string) {
  expect({ status: response.statusCode, code: response.json().code }, response.body).toEqual({ status, code });
}

async function pendingReferral(body: Record<string, unknown>): Promise<Referral> {
  const created = await staff.post("/api/v1/needs", { category: "counseling", description: "独居老人需要上门陪伴", ...body });
  expect(created.statusCode, created.body).toBe(201);
  const need = (await staff.get(`/api/v1/needs/${created.json<NeedDetail>().id}`)).json<NeedDetail>();
  return need.referrals.find((item) => item.status === "pending") as Referral;
}

async function contactAudits(referralId: string) {
  return t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "referrals.contact_reveal"), eq(auditLog.entityId, referralId)));
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  const otherOrg = await buildSocialOrg(t.ctx, "410105");
  staff = await client([{ role: "community_staff", area_code: community }]);
  otherStaff = await client([{ role: "community_staff", area_code: "410105007001" }]);
  orgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  otherOrgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: otherOrg.id }]);
  const street = await client([{ role: "official", area_code: "410105007" }]);
  const rule = await street.post("/api/v1/routing-rules", {
    area_code: "410105007",
    position: 1,
    category: "counseling",
    resident_groups: null,
    area_prefix: null,
    tier: "professional",
    provider_kind: "organization",
    provider_id: org.id,
    enabled: true,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  residentId = (
    await buildResident(t.ctx, {
      area_code: community,
      name: "陈秀兰",
      phone: "13812345678",
      address: "丰乐路12号院3号楼2单元301室",
    })
  ).id;
});

afterAll(async () => {
  await t.close();
});

describe("whom to visit, from the referral inbox", () => {
  it("shows urgency and the resident's contact masked while pending, and refuses to reveal it", async () => {
    const referral = await pendingReferral({ resident_id: residentId, urgency: "high" });
    const row = (await orgStaff.get("/api/v1/referrals?inbox=1")).json<Inbox>().items.find((item) => item.id === referral.id);
    expect(row).toMatchObject({ urgency: "high", contact_name: "陈*兰", contact_phone: "138****5678" });
    expect(row?.address).toBe("丰乐路12****");
    const detail = await orgStaff.get(`/api/v1/referrals/${referral.id}`);
    expect(detail.json<Referral>()).toMatchObject({ urgency: "high", contact_name: "陈*兰", contact_phone: "138****5678" });
    for (const body of [detail.body, (await orgStaff.get("/api/v1/referrals?inbox=1")).body]) {
      expect(body).not.toContain("13812345678");
      expect(body).not.toContain("陈秀兰");
      expect(body).not.toContain("2单元301室");
    }
    expectProblem(await orgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose), 409, "REFERRAL_CONTACT_LOCKED");
    expect(await contactAudits(referral.id)).toHaveLength(0);
  });

  it("reveals the contact after accepting, audited every time; another organization and other staff get 404", async () => {
    const referral = await pendingReferral({ resident_id: residentId });
    expectProblem(await otherOrgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose), 404, "NOT_FOUND");
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    expectProblem(await otherOrgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose), 404, "NOT_FOUND");
    expectProblem(await otherStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose), 404, "NOT_FOUND");
    expect((await otherOrgStaff.get("/api/v1/referrals?inbox=1")).body).not.toContain(referral.id);
    const options = { headers: { "idempotency-key": `contact-${referral.id}` } };
    const shown = await orgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose, options);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json<ReferralContact>()).toEqual({
      contact_name: "陈秀兰",
      contact_phone: "13812345678",
      contact_email: null,
      address: "丰乐路12号院3号楼2单元301室",
    });
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose, options)).statusCode).toBe(200);
    const audits = await contactAudits(referral.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]?.detail).toMatchObject({
      fields: ["address", "contact_name", "contact_phone"],
      purpose: "电话预约上门时间",
      resident: residentId,
    });
    expect(JSON.stringify(audits.map((audit) => audit.detail))).not.toContain("13812345678");
    // The inbox itself stays masked after accepting: only the audited action reveals.
    expect((await orgStaff.get(`/api/v1/referrals/${referral.id}`)).body).not.toContain("13812345678");
  });

  it("uses the anonymous contact and the need's address when there is no registered resident", async () => {
    const referral = await pendingReferral({ area_code: community, contact: { name: "李秀英", phone: "13912345678" } });
    const row = (await orgStaff.get(`/api/v1/referrals/${referral.id}`)).json<Referral>();
    expect(row).toMatchObject({ urgency: "normal", contact_name: "李*英", contact_phone: "139****5678", address: null });
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    const shown = await orgStaff.post(`/api/v1/referrals/${referral.id}/contact`, purpose);
    expect(shown.json<ReferralContact>()).toMatchObject({ contact_name: "李秀英", contact_phone: "13912345678" });
    expect(await contactAudits(referral.id)).toHaveLength(1);
  });

  it("refuses a reveal without a stated purpose, and audits nothing", async () => {
    const referral = await pendingReferral({ resident_id: residentId });
    expect((await orgStaff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    for (const body of [undefined, {}, { purpose: " " }, { purpose: "查" }, { purpose: "x".repeat(201) }, { purpose: "电话", extra: 1 }]) {
      expectProblem(await orgStaff.post(`/api/v1/referrals/${referral.id}/contact`, body), 400, "VALIDATION_FAILED");
    }
    expect(await contactAudits(referral.id)).toHaveLength(0);
  });

  it("masks the need's address for the provider reading the need itself; its community and its reporter read it in full", async () => {
    const referral = await pendingReferral({ area_code: community, contact: { name: "王建国", phone: "13712345678" } });
    await t.ctx.db.update(needs).set({ address: "丰乐路8号院5号楼1单元102室" }).where(eq(needs.id, referral.need_id));
    const asProvider = await orgStaff.get(`/api/v1/needs/${referral.need_id}`);
    expect(asProvider.statusCode, asProvider.body).toBe(200);
    expect(asProvider.json<NeedDetail>().address).toBe("丰乐路8号****");
    expect(asProvider.body).not.toContain("1单元102室");
    expect((await orgStaff.get("/api/v1/needs")).body).not.toContain("1单元102室");
    expect((await staff.get(`/api/v1/needs/${referral.need_id}`)).json<NeedDetail>().address).toBe("丰乐路8号院5号楼1单元102室");
  });
});
