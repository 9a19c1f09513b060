export { publicServiceRoutes, serviceRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as servicesEn } from "./i18n/en.json";
export { default as servicesZh } from "./i18n/zh-CN.json";
