import type { Ctx } from "../../../platform/ctx.js";
import { needs, referrals, serviceRecords } from "../../needs/test/tables.js";
import { applications, calls, projectContracts } from "../schema.js";

/**
 * Test-only rows for the contracts tests: a call and an awarded application inserted directly (the
 * calls helper's API is built elsewhere), and needs/referrals/service records addressed to an
 * organization for evidence and ratings.
 */

type CallOverrides = Partial<typeof calls.$inferInsert>;

export async function buildCall(ctx: Ctx, areaCode: string, overrides: CallOverrides = {}): Promise<typeof calls.$inferSelect> {
  const id = crypto.randomUUID();
  const [row] = await ctx.db
    .insert(calls)
    .values({
      id,
      areaCode,
      ocid: `ocds-test-${id}`,
      purchaserName: "南阳新村街道办事处",
      mode: "directed",
      title: "为老服务项目",
      description: "社区居家养老服务",
      needCategories: ["elderly_care"],
      targetAreaCodes: [areaCode],
      totalBudgetFen: 100_000_00,
      projectCapFen: 50_000_00,
      submissionDeadline: new Date("2026-01-31T16:00:00Z"),
      status: "awarded",
      ...overrides,
    })
    .returning();
  return row as typeof calls.$inferSelect;
}

export async function buildAwardedApplication(
  ctx: Ctx,
  call: { id: string; areaCode: string },
  orgId: string,
  overrides: Partial<typeof applications.$inferInsert> = {},
): Promise<typeof applications.$inferSelect> {
  const [row] = await ctx.db
    .insert(applications)
    .values({
      areaCode: call.areaCode,
      callId: call.id,
      orgId,
      title: "银龄守护计划",
      objectives: "为独居老人提供探访",
      activities: "每周探访",
      beneficiaries: "独居老人",
      beneficiaryCount: 60,
      kpis: [{ name: "探访人次", target: 500, unit: "人次" }],
      budgetLines: [{ item: "人员", amount_fen: 40_000_00 }],
      requestedFen: 40_000_00,
      status: "awarded",
      submittedAt: new Date("2026-01-20T02:00:00Z"),
      ...overrides,
    })
    .returning();
  return row as typeof applications.$inferSelect;
}

/**
 * A need referred to `orgId` (or to another provider), with one service record; closed with `rating`
 * at `closedAt` when given.
 */
export async function buildReferredNeed(
  ctx: Ctx,
  input: {
    areaCode: string;
    orgId: string;
    category?: string;
    rating?: number;
    closedAt?: Date;
    createdAt?: Date;
    /** Who gave the rating: the resident themself (default) or staff from a call-back. */
    ratingSource?: "resident" | "callback";
    /** The organization declined the referral (no service record); another provider served the need. */
    declined?: boolean;
  },
): Promise<{ needId: string; referralId: string; serviceRecordId: string }> {
  const createdAt = input.createdAt ?? new Date("2026-03-10T02:00:00Z");
  const source = input.ratingSource ?? "resident";
  const rated = input.closedAt && input.rating !== undefined;
  const [need] = await ctx.db
    .insert(needs)
    .values({
      areaCode: input.areaCode,
      category: input.category ?? "elderly_care",
      description: "需要上门探访",
      urgency: "normal",
      channel: "staff",
      status: input.closedAt ? "closed" : "in_service",
      tier: "special",
      rating: source === "resident" ? (input.rating ?? null) : null,
      callbackRating: source === "callback" ? (input.rating ?? null) : null,
      confirmedBy: input.closedAt ? source : null,
      closedAt: input.closedAt ?? null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: needs.id });
  const needId = (need as { id: string }).id;
  const [referral] = await ctx.db
    .insert(referrals)
    .values({
      areaCode: input.areaCode,
      needId,
      providerKind: "organization",
      providerId: input.orgId,
      status: input.declined ? "declined" : input.closedAt ? "done" : "accepted",
      rating: rated && !input.declined ? (input.rating as number) : null,
      ratingSource: rated && !input.declined ? source : null,
      ratedAt: rated && !input.declined ? (input.closedAt as Date) : null,
      respondBy: createdAt,
      resolveBy: createdAt,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: referrals.id });
  const referralId = (referral as { id: string }).id;
  if (input.declined) {
    // Someone else served it and was rated; the decliner has nothing to show.
    const [served] = await ctx.db
      .insert(referrals)
      .values({
        areaCode: input.areaCode,
        needId,
        providerKind: "community_queue",
        status: input.closedAt ? "done" : "accepted",
        rating: rated ? (input.rating as number) : null,
        ratingSource: rated ? source : null,
        ratedAt: rated ? (input.closedAt as Date) : null,
        respondBy: createdAt,
        resolveBy: createdAt,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: referrals.id });
    const [record] = await ctx.db
      .insert(serviceRecords)
      .values({
        areaCode: input.areaCode,
        referralId: (served as { id: string }).id,
        servedOn: "2026-03-11",
        minutes: 30,
        partyKind: "community",
        partyName: "社区居委会",
      })
      .returning({ id: serviceRecords.id });
    return { needId, referralId, serviceRecordId: (record as { id: string }).id };
  }
  const [record] = await ctx.db
    .insert(serviceRecords)
    .values({
      areaCode: input.areaCode,
      referralId,
      servedOn: "2026-03-11",
      minutes: 60,
      partyKind: "organization",
      partyName: "测试组织",
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: serviceRecords.id });
  return { needId, referralId, serviceRecordId: (record as { id: string }).id };
}

/** A signed contract of `orgId` with a purchaser of `areaCode` (call and awarded application included). */
export async function buildContract(ctx: Ctx, areaCode: string, orgId: string): Promise<typeof projectContracts.$inferSelect> {
  const call = await buildCall(ctx, areaCode);
  const application = await buildAwardedApplication(ctx, call, orgId);
  const [row] = await ctx.db
    .insert(projectContracts)
    .values({
      areaCode,
      callId: call.id,
      applicationId: application.id,
      orgId,
      title: "银龄守护计划",
      amountFen: 40_000_00,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      kpis: [],
      status: "active",
      signedAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning();
  return row as typeof projectContracts.$inferSelect;
}
