export { importRoutes } from "./routes";
export { IMPORT_KINDS } from "./kinds";
export type { ImportKind } from "./kinds";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as importsEn } from "./i18n/en.json";
export { default as importsZh } from "./i18n/zh-CN.json";
