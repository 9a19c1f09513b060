import type { ModuleManifest } from "../../platform/module.js";
import { homeRoutes } from "./routes.js";

/** 首页: what waits for each role (to-dos counted by the modules that own the records) and officials' key figures. */
export const homeModule: ModuleManifest = {
  name: "home",
  routes: homeRoutes,
};
