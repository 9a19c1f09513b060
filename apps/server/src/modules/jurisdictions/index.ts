import type { ModuleManifest } from "../../platform/module.js";
import { importAreasCommand } from "./cli.js";
import { jurisdictionsErrors } from "./errors.js";
import { jurisdictionsPermissions } from "./permissions.js";
import { areaRoutes } from "./routes.js";
import { seedAreas } from "./seed.js";

/** Jurisdictions (辖区): the division tree every scoped record hangs under. */
export const jurisdictionsModule: ModuleManifest = {
  name: "jurisdictions",
  errors: jurisdictionsErrors,
  permissions: jurisdictionsPermissions,
  routes: areaRoutes,
  seedDemo: seedAreas,
  commands: [importAreasCommand],
};

export { areaExists, getAreaNames, countAreas } from "./queries.js";
export { importAreas, readAreaFiles, referenceDir, type AreaImportFiles, type AreaImportResult } from "./service.js";
export { AreaImportError } from "./errors.js";
export { levelOf } from "./codes.js";
export { areaNameOf, countCommunitiesUnder, getAreaWithChildren, type AreaNode } from "./fragments.js";
/** The division table, for modules that join their rows to area names in SQL (read-only). */
export { areas } from "./schema.js";
