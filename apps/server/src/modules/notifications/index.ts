import type { ModuleManifest } from "../../platform/module.js";
import { deliverNotificationsJob } from "./jobs.js";
import { notificationRoutes } from "./routes.js";
import { seedNotificationPreferences } from "./seed.js";

/**
 * Notifications (站内通知): what other modules tell a user, read and marked read by that user only;
 * e-mailed through an outbox, immediately or as a daily digest, as the user prefers.
 */
export const notificationsModule: ModuleManifest = {
  name: "notifications",
  routes: notificationRoutes,
  seedDemo: seedNotificationPreferences,
  jobs: [deliverNotificationsJob],
};

export { notify, type NotificationInput } from "./service.js";
export { deliverDigests, deliverPending, sendDigests, sendPendingEmails, type DeliveryResult } from "./delivery.js";
export { deliveryChannels, emailChannel, type DeliveryChannel, type DeliveryMessage, type DeliveryRecipient } from "./channels/index.js";
