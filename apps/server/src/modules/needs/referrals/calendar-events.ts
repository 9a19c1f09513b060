import type { UserEventSource } from "../../../platform/module.js";
import { listOpenReferralDeadlines } from "./queries.js";

/** Private feed: respond-by of pending and resolve-by of accepted referrals the user handles. */
export const referralDeadlines: UserEventSource = async (ctx) => {
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
