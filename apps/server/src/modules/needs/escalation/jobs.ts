import type { Job } from "../../../platform/module.js";
import { escalateOverdue } from "./service.js";

/** Escalates referrals past their clock to the street officials, once per clock. */
export const escalateNeedsJob: Job = {
  name: "needs escalate",
  description: "escalate referrals past their clock to the street officials (once per clock)",
  phase: "escalate",
  async run(ctx) {
    const result = await escalateOverdue(ctx);
    return {
      summary: `${result.escalated} referrals escalated, ${result.notifications} notifications sent`,
      changed: result.escalated > 0,
    };
  },
};
