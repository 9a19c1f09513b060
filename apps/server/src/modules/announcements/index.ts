import type { ModuleManifest } from "../../platform/module.js";
import { announcementsErrors } from "./errors.js";
import { announcementsPermissions } from "./permissions.js";
import { announcementRoutes } from "./routes.js";
import { seedAnnouncements } from "./seed.js";
import { announcementReceiptExport } from "./spreadsheets.js";

/** Announcements (通知公告, 信息联通): scoped by area and audience, with read receipts. */
export const announcementsModule: ModuleManifest = {
  name: "announcements",
  errors: announcementsErrors,
  permissions: announcementsPermissions,
  routes: announcementRoutes,
  seedDemo: seedAnnouncements,
  exports: [announcementReceiptExport],
};
