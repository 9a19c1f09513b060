import type { NeedCreate, NeedDetail, Referral, ServiceRecordCreate } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { buildActor } from "../../../platform/auth/actor.js";
import type { as } from "../../../../test/test-app.js";
import { createNeed } from "../service.js";

/** Builders for needs and referrals in tests: over HTTP as a signed-in client, or straight through the service. */

type Client = ReturnType<typeof as>;

function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
  }
}

/**
 * Reports a need as `who` (POST /api/v1/needs; a resident for themself, staff with `area_code` or
 * `resident_id`): routed at once, so it comes with its first referral. @throws unless 201.
 */
export async function reportNeed(who: Client, payload: Partial<NeedCreate> & { category: string }): Promise<NeedDetail> {
  const response = await who.post("/api/v1/needs", { description: "需要帮助", ...payload });
  expectStatus(response, 201, "POST /api/v1/needs");
  return response.json<NeedDetail>();
}

/** The id of the need's referral in `status` (default: the pending one), read as `who`. @throws when there is none. */
export async function referralOf(who: Client, needId: string, status: Referral["status"] = "pending"): Promise<string> {
  const response = await who.get(`/api/v1/needs/${needId}`);
  expectStatus(response, 200, `GET /api/v1/needs/${needId}`);
  const referral = response.json<NeedDetail>().referrals.find((candidate) => candidate.status === status);
  if (!referral) {
    throw new Error(`need ${needId} has no ${status} referral`);
  }
  return referral.id;
}

/** `who` accepts a pending referral addressed to them, records service on it and completes it. @throws on any refusal. */
export async function serveReferral(
  who: Client,
  referralId: string,
  record: ServiceRecordCreate = { served_on: "2026-03-02", minutes: 30, party_kind: "community", party_name: "社区居委会" },
): Promise<void> {
  for (const [path, body] of [
    [`/api/v1/referrals/${referralId}/accept`, undefined],
    [`/api/v1/referrals/${referralId}/service-records`, record],
    [`/api/v1/referrals/${referralId}/complete`, undefined],
  ] as const) {
    const response = await who.post(path, body);
    if (response.statusCode >= 300) {
      throw new Error(`POST ${path}: ${response.statusCode} ${response.body}`);
    }
  }
}

/**
 * Records a need in a community straight through the service, as a community-staff factory actor of
 * `area_code` (no sign-in): routed at once. Returns the need and its first referral's id.
 */
export async function buildNeed(
  ctx: Ctx,
  overrides: Partial<NeedCreate> & { area_code: string },
): Promise<{ need: NeedDetail; referralId: string }> {
  const actor = buildActor({ id: "00000000-0000-0000-0000-000000000000", login: "factory", displayName: "factory" }, [
    { id: "factory", role: "community_staff", areaCode: overrides.area_code, organizationId: null },
  ]);
  const need = await createNeed({ ...ctx, actor }, { category: "repairs", description: "测试需求", urgency: "normal", ...overrides });
  const referral = need.referrals[0];
  if (!referral) {
    throw new Error(`need ${need.id} was not routed`);
  }
  return { need, referralId: referral.id };
}
