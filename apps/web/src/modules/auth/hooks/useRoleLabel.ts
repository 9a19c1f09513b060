import type { Role } from "@sanshe/contracts";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { officialLevelOf, roleLabelKey } from "../roles";

/**
 * Returns a function giving a role's label; with an area code, an official's label names the level
 * ("民政官员（街道）").
 */
export function useRoleLabel(): (role: Role, areaCode?: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (role: Role, areaCode?: string) => {
      const label = t(roleLabelKey(role));
      if (role !== "official" || areaCode === undefined) {
        return label;
      }
      const level = officialLevelOf(areaCode);
      return level === null ? label : t("auth.role.officialWithLevel", { role: label, level: t(`auth.officialLevel.${level}`) });
    },
    [t],
  );
}
