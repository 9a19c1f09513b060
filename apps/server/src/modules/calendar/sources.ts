import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import type { CalendarEvent } from "../../platform/ical/index.js";
import { listOpenReferralDeadlines } from "../needs/index.js";

/**
 * Where calendar events come from. A source is a function returning events; a feed concatenates its
 * sources' events. To add one, write the function (usually calling another module's index.ts) and
 * append it to `areaSources` (public, per area: no personal data) or `userSources` (private feed).
 */
export type AreaEventSource = (ctx: Ctx, areaCode: string) => Promise<CalendarEvent[]>;
export type UserEventSource = (ctx: ActorCtx) => Promise<CalendarEvent[]>;

/** Private feed: respond-by of pending and resolve-by of accepted referrals the user handles. */
const referralDeadlines: UserEventSource = async (ctx) => {
  const deadlines = await listOpenReferralDeadlines(ctx);
  return deadlines.map((deadline) => {
    const respond = deadline.status === "pending";
    const at = respond ? deadline.respondBy : deadline.resolveBy;
    return {
      uid: `referral-${deadline.referralId}-${respond ? "respond" : "resolve"}@sanshe`,
      summary: respond
        ? `转介待回复截止：${deadline.categoryName} / Referral response due: ${deadline.categoryNameEn}`
        : `转介办结截止：${deadline.categoryName} / Referral resolution due: ${deadline.categoryNameEn}`,
      description: respond ? "请在截止前接收或退回该转介。" : "请在截止前完成服务并提交办结。",
      url: `/referrals/${deadline.referralId}`,
      start: at,
      end: new Date(at.getTime() + 30 * 60 * 1000),
    };
  });
};

/** Public per-area sources (published meetings, action-item due dates: added with the meetings module). */
export const areaSources: readonly AreaEventSource[] = [];

export const userSources: readonly UserEventSource[] = [referralDeadlines];
