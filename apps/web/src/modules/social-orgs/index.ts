export { publicSocialOrgRoutes, socialOrgRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as socialOrgsEn } from "./i18n/en.json";
export { default as socialOrgsZh } from "./i18n/zh-CN.json";
