import { escalationJob } from "../../platform/jobs/escalation-sweep.js";
import { escalateOverdueActionItems } from "./action-items/escalation.js";

/** Escalates overdue action items of joint meetings to their managers and the street officials, once. */
export const escalateActionItemsJob = escalationJob({
  name: "meetings escalate",
  description: "escalate overdue action items of joint meetings to managers and street officials (once)",
  things: "action items",
  escalate: (ctx) => escalateOverdueActionItems(ctx),
});
