import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/**
 * The enums shown across modules (ui.enum.<kind>.<code> in ui/i18n): a page renders their labels,
 * never the codes (issue #17). An unknown code gets a generic "other" label of its kind rather than
 * the raw code.
 */
export type EnumKind = "needCategory" | "residentGroup" | "auditEntity" | "referralStatus";

/** Returns label(kind, code): the zh-CN/en label of an enum value; null/undefined/"" give "—". */
export function useEnumLabel(): (kind: EnumKind, code: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (kind: EnumKind, code: string | null | undefined) => {
      if (code === null || code === undefined || code === "") {
        return "—";
      }
      const key = `ui.enum.${kind}.${code}`;
      return i18n.exists(key) ? t(key) : t(`ui.enum.unknown.${kind}`);
    },
    [t, i18n],
  );
}

/**
 * Returns label(action): an audit action code ("residents.unmask", "session.create") as words
 * ("居民 · 查看完整信息", "登录"): a whole-action label where there is one, else the object (first
 * segment) and the verb (the rest, dots as underscores).
 */
export function useAuditActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (action: string) => {
      const whole = `ui.enum.auditAction.${action.replace(/\./g, "_")}`;
      if (i18n.exists(whole)) {
        return t(whole);
      }
      const [object = "", ...rest] = action.split(".");
      const objectKey = `ui.enum.auditObject.${object}`;
      const verbKey = `ui.enum.auditVerb.${rest.join("_")}`;
      if (i18n.exists(objectKey) && i18n.exists(verbKey)) {
        return t("ui.enum.auditActionFormat", { object: t(objectKey), verb: t(verbKey) });
      }
      return t("ui.enum.unknown.auditAction");
    },
    [t, i18n],
  );
}
