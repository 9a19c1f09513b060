export { residentRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as residentsEn } from "./i18n/en.json";
export { default as residentsZh } from "./i18n/zh-CN.json";
