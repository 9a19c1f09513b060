export { socialWorkerRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as socialWorkersEn } from "./i18n/en.json";
export { default as socialWorkersZh } from "./i18n/zh-CN.json";
