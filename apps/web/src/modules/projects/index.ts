export { projectRoutes } from "./routes";
export { FundingCreditSection, PublicCreditSummary } from "./contracts/components/FundingCreditSection";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as projectsEn } from "./i18n/en.json";
export { default as projectsZh } from "./i18n/zh-CN.json";
export { default as callsEn } from "./calls/i18n/en.json";
export { default as callsZh } from "./calls/i18n/zh-CN.json";
export { default as contractsEn } from "./contracts/i18n/en.json";
export { default as contractsZh } from "./contracts/i18n/zh-CN.json";
