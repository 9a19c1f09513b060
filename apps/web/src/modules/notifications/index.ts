export { NotificationBell } from "./components/NotificationBell";
export { notificationRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as notificationsEn } from "./i18n/en.json";
export { default as notificationsZh } from "./i18n/zh-CN.json";
