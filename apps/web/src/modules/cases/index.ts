export { caseRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as casesEn } from "./i18n/en.json";
export { default as casesZh } from "./i18n/zh-CN.json";
