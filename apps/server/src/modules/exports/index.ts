import type { ModuleManifest } from "../../platform/module.js";
import { exportRoutes } from "./routes.js";

/** Spreadsheet exports of the registries' filtered lists (masked, streamed, audited). */
export const exportsModule: ModuleManifest = {
  name: "exports",
  routes: exportRoutes,
};
