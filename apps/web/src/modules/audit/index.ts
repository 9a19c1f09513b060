export { auditRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as auditEn } from "./i18n/en.json";
export { default as auditZh } from "./i18n/zh-CN.json";
