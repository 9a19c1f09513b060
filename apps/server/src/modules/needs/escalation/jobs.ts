import { escalationJob } from "../../../platform/jobs/escalation-sweep.js";
import { escalateOverdue } from "./service.js";

/** Escalates referrals past their clock to the street officials, once per clock. */
export const escalateNeedsJob = escalationJob({
  name: "needs escalate",
  description: "escalate referrals past their clock to the street officials (once per clock)",
  things: "referrals",
  escalate: (ctx) => escalateOverdue(ctx),
});
