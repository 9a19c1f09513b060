import type { ModuleManifest } from "../../platform/module.js";
import { notificationRoutes } from "./routes.js";

/** In-app notifications (站内通知): what other modules tell a user, read and marked read by that user only. */
export const notificationsModule: ModuleManifest = {
  name: "notifications",
  routes: notificationRoutes,
};

export { notify, type NotificationInput } from "./service.js";
