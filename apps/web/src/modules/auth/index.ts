export { authKeys, useHasPermission, useLogin, useLogout, useMe } from "./api";
export { RequirePermission } from "./components/RequirePermission";
export { useRoleLabel } from "./hooks/useRoleLabel";
export { ORGANIZATION_ROLES, officialLevelOf, ROLES, roleLabelKey } from "./roles";
export type { OfficialLevel } from "./roles";
export { authModule } from "./module";
