export { userRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as usersEn } from "./i18n/en.json";
export { default as usersZh } from "./i18n/zh-CN.json";
