import { auditActionLabel, type Locale } from "@sanshe/contracts";
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
 * ("居民 · 查看完整信息", "登录") in the console's language, from the table the audit-log export uses too.
 */
export function useAuditActionLabel(): (action: string) => string {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  return useCallback((action: string) => auditActionLabel(action, locale), [locale]);
}
