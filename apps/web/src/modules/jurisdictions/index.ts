export { areaKeys, useArea } from "./api";
export { AreaCodeInput } from "./components/AreaCodeInput";
export { AreaLevelTag } from "./components/AreaLevelTag";
export { jurisdictionRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as jurisdictionsEn } from "./i18n/en.json";
export { default as jurisdictionsZh } from "./i18n/zh-CN.json";
