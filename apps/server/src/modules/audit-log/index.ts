import type { ModuleManifest } from "../../platform/module.js";
import { auditLogPermissions } from "./permissions.js";
import { auditLogRoutes } from "./routes.js";
import { auditLogExport } from "./spreadsheets.js";

/** The audit log's read side: filtered, sorted and counted reading, its export and chain verification for auditors. */
export const auditLogModule: ModuleManifest = {
  name: "audit-log",
  permissions: auditLogPermissions,
  routes: auditLogRoutes,
  exports: [auditLogExport],
};
