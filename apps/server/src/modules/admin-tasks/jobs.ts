import type { Job } from "../../platform/module.js";
import { startDueTasks } from "./start.js";

export { escalateAdmissionsJob } from "./escalation.js";

/** Starts admitted tasks whose start date has come: occurrences in each community's queue and the funding credited (费随事转). */
export const startTasksJob: Job = {
  name: "admin-tasks start",
  description: "start admitted administrative tasks whose start date has come: queue occurrences and credit their funding (费随事转)",
  phase: "deliver",
  async run(ctx) {
    const result = await startDueTasks(ctx);
    return { summary: `${result.started} administrative tasks started`, changed: result.started > 0 };
  },
};
