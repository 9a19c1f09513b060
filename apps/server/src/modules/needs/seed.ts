import { eq, sql } from "drizzle-orm";
import type { NeedStatus } from "@sanshe/contracts";
import type { Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { findWorkerOfUser } from "../social-workers/index.js";
import { linkedResidentOf, residentIdsIn } from "../residents/index.js";
import { categorySeeds, seedNeedCategories } from "./categories.js";
import { needCallbacks, needEvents, needs, referrals, routingRules, serviceRecords } from "./schema.js";
import { routeNeed } from "./routing/service.js";
import { escalateOverdue } from "./escalation/service.js";
import { seededRandom } from "../../platform/seed.js";

const street = "410105007";
const communities = ["001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "012", "013"].map(
  (suffix) => `${street}${suffix}`,
);
const descriptions: Record<string, string> = {
  elderly_care: "独居老人需要每周上门探访和助餐服务（演示）",
  disability: "轮椅使用者希望有人协助出行就医（演示）",
  children_youth: "双职工家庭孩子放学后无人看护（演示）",
  employment: "失业人员希望参加技能培训并推荐岗位（演示）",
  counseling: "家属近期情绪低落，希望心理咨询（演示）",
  legal_aid: "劳动报酬被拖欠，咨询法律援助（演示）",
  health: "慢性病老人需要定期测量血压（演示）",
  social_assistance: "家庭突发困难，咨询临时救助（演示）",
  neighbor_dispute: "楼上漏水引发邻里矛盾（演示）",
  sanitation: "楼道堆放杂物，影响消防通道（演示）",
  repairs: "单元门禁损坏，需要维修（演示）",
  culture_sports: "希望社区组织广场舞兴趣小组（演示）",
  housekeeping: "希望找到可靠的钟点工，每周打扫一次（演示）",
};

/**
 * Categories always; routing rules for 南阳新村街道 and the city, and ~30 needs in every state, once.
 * Closures are confirmed as the honest loop allows: demo-resident's own needs by the resident, the
 * others by demo-community after a recorded call-back; done needs wait for their confirmation.
 * Counseling (心理疏导) in the street goes to the social worker linked to demo-worker (professional
 * tier) first, the agency after a decline; seven more counseling needs give demo-worker's personal
 * inbox a referral in every state (pending, accepted, in service, done, closed, reopened, declined).
 */
export async function seedNeeds(ctx: Ctx, options: SeedOptions): Promise<void> {
  await seedNeedCategories(ctx);
  const [existing] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(routingRules)
    .where(eq(routingRules.areaCode, street));
  if (Number(existing?.count ?? 0) > 0) {
    return;
  }
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  const provider = agency
    ? { providerKind: "organization" as const, providerId: agency.id }
    : { providerKind: "community_queue" as const, providerId: null };
  const [workerAccount] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-worker"));
  const worker = workerAccount ? await findWorkerOfUser(ctx, workerAccount.id) : null;
  await ctx.db.insert(routingRules).values([
    ...(worker
      ? [
          {
            areaCode: street,
            position: 0,
            category: "counseling",
            tier: "professional" as const,
            providerKind: "social_worker" as const,
            providerId: worker.id,
          },
        ]
      : []),
    { areaCode: street, position: 1, category: "elderly_care", residentGroups: ["elderly_alone"], tier: "special", ...provider },
    { areaCode: street, position: 2, category: "elderly_care", tier: "special", ...provider },
    { areaCode: street, position: 3, category: "disability", tier: "special", ...provider },
    { areaCode: street, position: 4, category: "counseling", tier: "professional", ...provider },
    { areaCode: street, position: 5, category: "children_youth", tier: "special", ...provider },
    { areaCode: "4101", position: 1, category: "sanitation", tier: "public", providerKind: "community_queue" },
    { areaCode: "4101", position: 2, category: null, tier: "public", providerKind: "community_queue" },
  ]);
  const [resident] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-resident"));
  // demo-resident's account is linked to a register record (residents seed): their needs carry it.
  const linkedResident = resident ? await linkedResidentOf(ctx, resident.id) : null;
  const [communityStaff] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-community"));
  const random = seededRandom(20261127);
  const states: NeedStatus[] = ["routed", "accepted", "in_service", "done", "closed", "reopened"];
  const codes = categorySeeds.map((category) => category.code).filter((code) => descriptions[code]);
  const base = ctx.now().getTime();
  const workerStates: Array<NeedStatus | "declined"> = worker ? [...states, "declined"] : [];
  // Residents of 丰乐社区 for demo-worker's needs (so a case can be opened from them).
  const workerResidents = worker ? await residentIdsIn(ctx, "410105007002", 30) : [];
  for (let index = 0; index < 30 + workerStates.length; index += 1) {
    const forWorker = index >= 30;
    const category = forWorker ? "counseling" : (codes[index % codes.length] as string);
    const mine = resident && index % 6 !== 5 && index < 12;
    const areaCode = mine || forWorker ? "410105007002" : (communities[Math.floor(random() * communities.length)] as string);
    const at = forWorker
      ? new Date(base - (index - 29) * 3 * 3_600_000)
      : new Date(base - (30 - index) * 86_400_000 - Math.floor(random() * 3_600_000));
    const itemCtx = { ...ctx, now: () => at };
    const [row] = await ctx.db
      .insert(needs)
      .values({
        areaCode,
        residentId: forWorker
          ? (workerResidents[(index * 3) % Math.max(workerResidents.length, 1)] ?? null)
          : mine
            ? (linkedResident?.residentId ?? null)
            : null,
        category,
        description: forWorker
          ? `${(descriptions[category] as string).replace("（演示）", "")}——社工个人转介 ${index - 29}（演示）`
          : (descriptions[category] as string),
        urgency: index % 5 === 0 ? "high" : "normal",
        channel: mine ? "portal" : index % 4 === 0 ? "joint_meeting" : "staff",
        status: "new",
        tier: "public",
        createdBy: mine ? resident.id : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!row) {
      continue;
    }
    await itemCtx.db.insert(needEvents).values({ needId: row.id, areaCode, kind: "created", status: "new", actorLogin: "system", at });
    const routed = await routeNeed(itemCtx, row);
    const wanted = forWorker ? (workerStates[index - 30] as NeedStatus | "declined") : (states[index % states.length] as NeedStatus);
    const [referral] = await ctx.db.select().from(referrals).where(eq(referrals.needId, routed.id));
    const later = new Date(at.getTime() + 3_600_000);
    if (wanted === "declined" && referral && worker) {
      // demo-worker declined it: the need went on to the next rule (the agency).
      await ctx.db
        .update(referrals)
        .set({ status: "declined", declineReason: "本周个案已满，转机构跟进（演示）", readAt: later, updatedAt: later })
        .where(eq(referrals.id, referral.id));
      await ctx.db.insert(needEvents).values({
        needId: row.id,
        areaCode,
        kind: "declined",
        status: "routed",
        actorLogin: "demo-worker",
        reason: "本周个案已满",
        at: later,
      });
      await routeNeed({ ...ctx, now: () => later }, routed, [worker.id]);
      continue;
    }
    const target = wanted as NeedStatus;
    if (target === "routed" || !referral) {
      continue;
    }
    const referralStatus = target === "accepted" || target === "in_service" ? "accepted" : "done";
    await ctx.db
      .update(referrals)
      .set({ status: referralStatus, readAt: later, acceptedAt: later, updatedAt: later })
      .where(eq(referrals.id, referral.id));
    if (target !== "accepted") {
      await ctx.db.insert(serviceRecords).values({
        areaCode,
        referralId: referral.id,
        servedOn: later.toISOString().slice(0, 10),
        minutes: 30 + Math.floor(random() * 90),
        partyKind:
          referral.providerKind === "organization"
            ? "organization"
            : referral.providerKind === "social_worker"
              ? "social_worker"
              : "community",
        partyName:
          referral.providerKind === "organization"
            ? (agency?.name ?? "社区")
            : referral.providerKind === "social_worker"
              ? (worker?.name ?? "社工")
              : "社区居委会",
      });
    }
    const events: Array<{ kind: string; status: NeedStatus }> = [{ kind: "accepted", status: "accepted" }];
    if (target !== "accepted") {
      events.push({ kind: "service", status: "in_service" });
    }
    if (target === "done" || target === "closed" || target === "reopened") {
      events.push({ kind: "completed", status: "done" });
    }
    if (target === "closed") {
      events.push({ kind: "confirmed", status: "closed" });
    }
    if (target === "reopened") {
      events.push({ kind: "reopened", status: "reopened" });
    }
    await ctx.db.insert(needEvents).values(
      events.map((event, step) => ({
        needId: row.id,
        areaCode,
        kind: event.kind,
        status: event.status,
        actorLogin: "system",
        at: new Date(later.getTime() + step * 3_600_000),
      })),
    );
    // How each closure was confirmed, as it would be: the resident's own needs by the resident in the
    // portal; the others (recorded by staff for residents without an account, so a call-back may follow
    // at once) by community staff after a recorded call-back (staff who did not serve them).
    const doneAt =
      target === "done" ? later : target === "closed" || target === "reopened" ? new Date(later.getTime() + 2 * 3_600_000) : null;
    const closedAt = target === "closed" ? new Date(later.getTime() + 3 * 3_600_000) : null;
    const rating = target === "closed" ? 4 + (index % 2) : target === "reopened" ? 2 : null;
    const byResident = Boolean(mine) || !communityStaff;
    if (target === "closed" || target === "reopened") {
      await ctx.db
        .update(referrals)
        .set({
          status: target === "closed" ? "done" : "failed",
          rating,
          ratingSource: byResident ? "resident" : "callback",
          ratedAt: closedAt ?? doneAt,
        })
        .where(eq(referrals.id, referral.id));
      if (!byResident && communityStaff) {
        await ctx.db.insert(needCallbacks).values({
          areaCode,
          needId: row.id,
          method: index % 3 === 0 ? "visit" : "phone",
          calledAt: closedAt ?? new Date((doneAt as Date).getTime() + 3_600_000),
          answeredBy: index % 2 === 0 ? "居民本人" : "居民家属",
          summary: target === "closed" ? "服务已到位，居民表示满意（演示回访）" : "问题仍未解决，希望换一家服务方（演示回访）",
          solved: target === "closed",
          rating: rating as number,
          recordedBy: communityStaff.id,
          createdAt: closedAt ?? new Date((doneAt as Date).getTime() + 3_600_000),
        });
      }
    }
    await ctx.db
      .update(needs)
      .set({
        status: target,
        doneAt: target === "done" || target === "closed" ? doneAt : null,
        closedAt,
        confirmedBy: target === "closed" ? (byResident ? "resident" : "callback") : null,
        rating: target === "closed" && byResident ? rating : null,
        callbackRating: target === "closed" && !byResident ? rating : null,
      })
      .where(eq(needs.id, row.id));
  }
  // Demo referrals left pending or in service past their clock: the street official (demo-street) is notified.
  const escalation = await escalateOverdue(ctx);
  options.log(
    `needs: routing rules and ${30 + workerStates.length} demo needs created; ${escalation.escalated} overdue referrals escalated`,
  );
}
