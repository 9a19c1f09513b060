export { meetingRoutes, meetingStandaloneRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as meetingsEn } from "./i18n/en.json";
export { default as meetingsZh } from "./i18n/zh-CN.json";
