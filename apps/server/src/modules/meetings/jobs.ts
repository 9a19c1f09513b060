import type { Job } from "../../platform/module.js";
import { escalateOverdueActionItems } from "./action-items/escalation.js";

/** Escalates overdue action items of joint meetings to their managers and the street officials, once. */
export const escalateActionItemsJob: Job = {
  name: "meetings escalate",
  description: "escalate overdue action items of joint meetings to managers and street officials (once)",
  phase: "escalate",
  async run(ctx) {
    const result = await escalateOverdueActionItems(ctx);
    return {
      summary: `${result.escalated} action items escalated, ${result.notifications} notifications sent`,
      changed: result.escalated > 0,
    };
  },
};
