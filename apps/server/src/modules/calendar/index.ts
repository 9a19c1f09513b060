import type { ModuleManifest } from "../../platform/module.js";
import { calendarRoutes } from "./routes.js";

/** Calendar feeds (iCalendar): public per area, private per user behind a revocable secret; events come from the modules' manifests (`calendar`). */
export const calendarModule: ModuleManifest = {
  name: "calendar",
  routes: calendarRoutes,
};

export { areaFeed, userFeed } from "./service.js";
