import type { Job } from "../../platform/module.js";
import { purgeExpiredImports } from "./service.js";

/** Deletes the stored rows of ended imports and of imports older than SANSHE_IMPORT_RETENTION_DAYS. */
export const purgeImportsJob: Job = {
  name: "imports purge",
  description: "delete the stored rows of ended or expired imports (SANSHE_IMPORT_RETENTION_DAYS)",
  phase: "clean",
  async run(ctx, { config }) {
    const result = await purgeExpiredImports(ctx, config.importRetentionMs);
    return { summary: `stored rows of ${result.purged} ended or expired imports deleted`, changed: result.purged > 0 };
  },
};
