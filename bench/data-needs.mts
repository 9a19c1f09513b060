/**
 * Needs for the benchmark world (issue 7): needs of residents with their referrals, history
 * (need_events), service records and the audit row of each creation, shaped as the needs module's
 * own service writes them (apps/server/src/modules/needs/service.ts), from the loader's seeded PRNG.
 *
 * Status mix: 60% closed (rated, confirmed by the resident or by staff), 10% done (waiting for the
 * confirmation), 5% accepted, 5% in service, 10% routed (pending), 5% reopened (first referral done,
 * the resident said "not solved": routed again to a new pending referral, as routeNeed does, so the
 * stored status is `routed`), 5% closed after a first provider declined. Open needs were created in
 * the last 30 days, finished ones over the last 12 months. Referrals carry the category's clock
 * (respond_by, resolve_by) from their creation; some are answered late, as in real life.
 *
 * need_events: one row per transition (created, routed, declined, accepted, the first service record
 * that moves the need to in_service, completed, confirmed, reopened). The platform also writes a
 * `service` event for each further service record; those are left out to keep the row count to the
 * issue's figures.
 */
import type { auditLog } from "../apps/server/src/platform/audit/schema.js";
import { categorySeeds } from "../apps/server/src/modules/needs/categories.js";
import type { needEvents, needs, referrals, serviceRecords } from "../apps/server/src/modules/needs/schema.js";

export type Random = {
  random: () => number;
  between: (low: number, high: number) => number;
  pick: <T>(items: readonly T[] | string) => T;
  uuid: () => string;
};

export type Provider = { id: string; name: string };
/** Who can serve a community: organizations of the community or its street, social workers serving it. */
export type Providers = { organizations: Provider[]; workers: Provider[] };

export type NeedBatch = {
  needs: Array<typeof needs.$inferInsert>;
  referrals: Array<typeof referrals.$inferInsert>;
  events: Array<typeof needEvents.$inferInsert>;
  records: Array<typeof serviceRecords.$inferInsert>;
  audits: Array<typeof auditLog.$inferInsert>;
};

export const emptyBatch = (): NeedBatch => ({ needs: [], referrals: [], events: [], records: [], audits: [] });

const hour = 3_600_000;
const day = 24 * hour;

const tierNames = {
  public: "公共服务",
  special: "特殊服务",
  professional: "专业服务",
  personalized: "个性化服务",
  developmental: "发展性服务",
};

// Relative frequency of each category (same order as categorySeeds): care and repairs dominate.
const weights: Record<string, number> = {
  elderly_care: 16,
  disability: 5,
  children_youth: 6,
  employment: 6,
  counseling: 4,
  legal_aid: 4,
  health: 8,
  social_assistance: 6,
  neighbor_dispute: 7,
  sanitation: 9,
  repairs: 14,
  culture_sports: 5,
  housekeeping: 6,
  other: 4,
};
const totalWeight = categorySeeds.reduce((sum, category) => sum + (weights[category.code] ?? 1), 0);

const descriptions: Record<string, readonly string[]> = {
  elderly_care: ["独居老人需要助餐服务", "老人行动不便，希望定期上门探访", "申请居家养老上门照护", "老人需要陪同就医"],
  disability: ["残疾人需要康复训练指导", "申请辅助器具适配", "轮椅使用者出行需要协助"],
  children_youth: ["双职工家庭放学后无人照看孩子", "青少年厌学需要辅导", "暑期希望有托管服务"],
  employment: ["失业人员需要就业指导", "希望参加技能培训", "灵活就业人员咨询社保"],
  counseling: ["家庭矛盾导致情绪低落，需要心理疏导", "老人丧偶后情绪不稳定", "青少年焦虑需要专业支持"],
  legal_aid: ["劳动合同纠纷需要法律咨询", "遗产继承问题咨询", "拖欠工资希望获得法律援助"],
  health: ["慢性病患者需要健康管理", "希望组织上门体检", "家庭医生签约咨询"],
  social_assistance: ["家庭突发困难申请临时救助", "咨询低保申请条件", "大病家庭申请救助"],
  neighbor_dispute: ["楼上漏水引发邻里纠纷", "噪音扰民需要调解", "公共区域堆放杂物引发矛盾"],
  sanitation: ["小区垃圾清运不及时", "楼道卫生差需要清理", "绿化带有积水蚊虫多"],
  repairs: ["单元门禁损坏", "楼道灯不亮需要维修", "小区路面破损", "电梯经常故障"],
  culture_sports: ["希望社区组织广场舞活动", "想参加书法兴趣班", "希望开放社区活动室"],
  housekeeping: ["需要家政保洁服务", "家电维修便民服务", "需要上门理发服务"],
  other: ["咨询社区事务办理流程", "建议增设便民服务点", "反映小区停车难问题"],
};
const declineReasons = ["本周人手不足，无法按时响应", "不在本机构服务范围", "服务对象地址超出服务半径"];
const reopenComments = ["问题没有解决，还是老样子", "只来过一次，后续没人跟进", "维修后又坏了"];
const confirmComments = ["服务很及时，谢谢", "工作人员很耐心", null, null, "问题已解决"];
const volunteers = "张王李刘陈杨赵黄周吴";

/** Generates needs with their referrals, events, service records and creation audit rows. */
export function needGenerator(rng: Random, asOf: Date, providersOf: (community: string) => Providers) {
  const { random, between, pick, uuid } = rng;
  const end = asOf.getTime();
  const at = (ms: number) => new Date(Math.round(ms));
  const dateOf = (ms: number) => new Date(ms + 8 * hour).toISOString().slice(0, 10);
  const category = () => {
    let roll = random() * totalWeight;
    for (const candidate of categorySeeds) {
      roll -= weights[candidate.code] ?? 1;
      if (roll < 0) {
        return candidate;
      }
    }
    return categorySeeds[categorySeeds.length - 1] as (typeof categorySeeds)[number];
  };

  return function addNeed(batch: NeedBatch, owner: { residentId: string; areaCode: string }): void {
    const kind = category();
    const roll = random();
    const outcome =
      roll < 0.6
        ? "closed"
        : roll < 0.7
          ? "done"
          : roll < 0.75
            ? "accepted"
            : roll < 0.8
              ? "in_service"
              : roll < 0.9
                ? "routed"
                : roll < 0.95
                  ? "reopened"
                  : "declined_closed";
    const open = outcome === "routed" || outcome === "accepted" || outcome === "in_service" || outcome === "reopened";
    const created = open
      ? end - random() * 30 * day
      : outcome === "done"
        ? end - (2 + random() * 20) * day
        : end - (14 + random() * 351) * day;
    const span = end - created;
    const id = uuid();
    const areaCode = owner.areaCode;
    const channelRoll = random();
    const channel = channelRoll < 0.5 ? "portal" : channelRoll < 0.85 ? "staff" : channelRoll < 0.95 ? "open311" : "joint_meeting";
    const creator = channel === "portal" ? "bench-resident" : channel === "open311" ? "open311:bench" : "bench-staff";
    const providers = providersOf(areaCode);
    const event = (kindName: string, status: string | null, ms: number, actorLogin: string, reason: string | null = null) => {
      batch.events.push({ id: uuid(), areaCode, needId: id, kind: kindName, status, actorLogin, reason, at: at(ms) });
    };

    // Picks a provider (organization 60%, social worker 20%, the community's queue otherwise), skipping one.
    const provider = (skip: string | null) => {
      const roll2 = random();
      const organizations = providers.organizations.filter((candidate) => candidate.id !== skip);
      const workers = providers.workers.filter((candidate) => candidate.id !== skip);
      if (roll2 < 0.6 && organizations.length > 0) {
        return { providerKind: "organization" as const, provider: pick(organizations) };
      }
      if (roll2 < 0.8 && workers.length > 0) {
        return { providerKind: "social_worker" as const, provider: pick(workers) };
      }
      return { providerKind: "community_queue" as const, provider: null };
    };
    const explanation = (chosen: ReturnType<typeof provider>) =>
      `无匹配规则：${kind.name}默认 → ${tierNames[kind.tier]} → ${chosen.provider ? chosen.provider.name : "社区分派队列"}`;
    const referral = (chosen: ReturnType<typeof provider>, from: number) => {
      const row = {
        id: uuid(),
        areaCode,
        needId: id,
        providerKind: chosen.providerKind,
        providerId: chosen.provider?.id ?? null,
        status: "pending" as "pending" | "accepted" | "declined" | "done" | "failed" | "cancelled",
        declineReason: null as string | null,
        rating: null as number | null,
        ratingSource: null as "resident" | "callback" | null,
        ratedAt: null as Date | null,
        respondBy: at(from + kind.respondWithinHours * hour),
        resolveBy: at(from + kind.resolveWithinDays * day),
        readAt: null as Date | null,
        acceptedAt: null as Date | null,
        version: 1,
        createdAt: at(from),
        updatedAt: at(from),
      };
      batch.referrals.push(row);
      return row;
    };
    // Service on an accepted referral between `from` and `to`: 15-minute steps, the party of the provider.
    const serve = (row: ReturnType<typeof referral>, count: number, from: number, to: number, chosen: ReturnType<typeof provider>) => {
      const times = Array.from({ length: count }, () => from + random() * (to - from)).sort((a, b) => a - b);
      for (const time of times) {
        const volunteer = random() < 0.15;
        const partyKind = volunteer
          ? ("volunteer" as const)
          : chosen.providerKind === "community_queue"
            ? ("community" as const)
            : chosen.providerKind === "organization"
              ? ("organization" as const)
              : ("social_worker" as const);
        batch.records.push({
          id: uuid(),
          areaCode,
          referralId: row.id,
          servedOn: dateOf(time),
          minutes: 15 * between(1, 16),
          partyKind,
          partyName: volunteer ? `志愿者${pick<string>(volunteers)}某` : (chosen.provider?.name ?? "社区工作人员"),
          notes: random() < 0.3 ? "上门服务，情况已记录" : null,
          createdBy: null,
          createdAt: at(time),
          updatedAt: at(time),
        });
      }
      return times[0] ?? from;
    };

    event("created", "new", created, creator);
    let chosen = provider(null);
    let current = referral(chosen, created);
    let routingExplanation = explanation(chosen);
    event("routed", "routed", created, creator, routingExplanation);
    let version = 2;
    let cursor = created;
    const step = (limit: number, share: number) => Math.min(limit, span * share);

    if (outcome === "declined_closed") {
      const declinedAt = cursor + random() * step(kind.respondWithinHours * hour, 0.05);
      current.status = "declined";
      current.declineReason = pick(declineReasons);
      current.readAt = at(declinedAt);
      current.version = 2;
      current.updatedAt = at(declinedAt);
      event("declined", "routed", declinedAt, "bench-provider", current.declineReason);
      chosen = provider(current.providerId);
      current = referral(chosen, declinedAt);
      routingExplanation = explanation(chosen);
      event("routed", "routed", declinedAt, "system", routingExplanation);
      version += 1;
      cursor = declinedAt;
    }

    let status: "routed" | "accepted" | "in_service" | "done" | "closed" = "routed";
    let doneAt: number | null = null;
    let closedAt: number | null = null;
    let rating: number | null = null;
    let confirmedBy: "resident" | "callback" | null = null;
    let confirmationComment: string | null = null;
    if (outcome !== "routed") {
      // Mostly within the respond clock; one in eight late.
      const accepted = cursor + random() * step(kind.respondWithinHours * hour * (random() < 0.125 ? 3 : 1), 0.1);
      current.status = "accepted";
      current.readAt = at(accepted);
      current.acceptedAt = at(accepted);
      current.version += 1;
      current.updatedAt = at(accepted);
      event("accepted", "accepted", accepted, "bench-provider");
      status = "accepted";
      version += 1;
      cursor = accepted;
      if (outcome === "in_service") {
        const first = serve(current, between(1, 4), accepted, end, chosen);
        event("service", "in_service", first, "bench-provider", null);
        status = "in_service";
        version += 1;
      } else if (outcome !== "accepted") {
        const finished = accepted + random() * step(kind.resolveWithinDays * day * (random() < 0.15 ? 2 : 1), 0.6);
        const first = serve(current, between(2, 10), accepted, finished, chosen);
        event("service", "in_service", first, "bench-provider", null);
        current.status = "done";
        current.version += 1;
        current.updatedAt = at(finished);
        event("completed", "done", finished, "bench-provider");
        status = "done";
        doneAt = finished;
        version += 2;
        cursor = finished;
        if (outcome === "closed" || outcome === "declined_closed") {
          closedAt = finished + random() * step(3 * day, 0.2);
          rating = random() < 0.7 ? 5 : random() < 0.7 ? 4 : between(1, 3);
          confirmedBy = channel === "portal" && random() < 0.8 ? "resident" : "callback";
          confirmationComment = pick(confirmComments);
          current.rating = rating;
          current.ratingSource = confirmedBy;
          current.ratedAt = at(closedAt);
          event("confirmed", "closed", closedAt, confirmedBy === "resident" ? "bench-resident" : "bench-staff", confirmationComment);
          status = "closed";
          version += 1;
        } else if (outcome === "reopened") {
          const reopenedAt = finished + random() * step(3 * day, 0.2);
          rating = between(1, 2);
          confirmationComment = pick(reopenComments);
          doneAt = null;
          current.status = "failed";
          current.rating = rating;
          current.ratingSource = "resident";
          current.ratedAt = at(reopenedAt);
          event("reopened", "reopened", reopenedAt, "bench-resident", confirmationComment);
          chosen = provider(null);
          current = referral(chosen, reopenedAt);
          routingExplanation = explanation(chosen);
          event("routed", "routed", reopenedAt, "bench-resident", routingExplanation);
          status = "routed";
          version += 2;
          cursor = reopenedAt;
        }
      }
    }
    const last = Math.max(cursor, closedAt ?? 0);
    batch.needs.push({
      id,
      areaCode,
      residentId: channel === "open311" ? null : owner.residentId,
      gridId: null,
      gridName: null,
      category: kind.code,
      description: pick(descriptions[kind.code] ?? ["其他需求"]),
      urgency: random() < 0.15 ? "high" : random() < 0.8 ? "normal" : "low",
      channel,
      status,
      tier: kind.tier,
      routingRuleId: null,
      routingExplanation,
      doneAt: doneAt === null ? null : at(doneAt),
      rating: confirmedBy === "resident" ? rating : null,
      callbackRating: confirmedBy === "callback" ? rating : null,
      confirmationComment,
      closedAt: closedAt === null ? null : at(closedAt),
      confirmedBy,
      contactEnc: null,
      contactMasked: null,
      address: channel === "open311" ? `演示地址${between(1, 199)}号院` : null,
      lat: null,
      long: null,
      mediaUrl: null,
      createdBy: null,
      version,
      createdAt: at(created),
      updatedAt: at(last),
    });
    batch.audits.push({
      at: at(created),
      actorId: null,
      actorLogin: creator,
      action: "needs.create",
      entityType: "need",
      entityId: id,
      areaCode,
      ip: null,
      requestId: null,
      outcome: "success",
      detail: { category: kind.code, channel, duplicate_of: null },
    });
  };
}
