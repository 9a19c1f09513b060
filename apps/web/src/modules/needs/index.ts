export { needRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as needsEn } from "./i18n/en.json";
export { default as needsZh } from "./i18n/zh-CN.json";
