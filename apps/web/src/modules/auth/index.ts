export { authKeys, useHasPermission, useLogin, useLogout, useMe } from "./api";
export { RequirePermission } from "./components/RequirePermission";
export { useRoleLabel } from "./hooks/useRoleLabel";
export { ORGANIZATION_ROLES, officialLevelOf, ROLES, roleLabelKey } from "./roles";
export type { OfficialLevel } from "./roles";
export { authRoutes } from "./routes";

/** Translations, merged into the console's i18next resources by app/i18n.ts. */
export { default as authEn } from "./i18n/en.json";
export { default as authZh } from "./i18n/zh-CN.json";
