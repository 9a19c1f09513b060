export { announcementRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as announcementsEn } from "./i18n/en.json";
export { default as announcementsZh } from "./i18n/zh-CN.json";
