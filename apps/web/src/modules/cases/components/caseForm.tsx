import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { ProblemAlert } from "../../../ui/ProblemAlert";

/** Shared by the case file's tabs: blank-to-null, today's date and the error shown above a form. */

export const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Today in China Standard Time (YYYY-MM-DD), the latest date a session or review may carry. */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

export function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  if (isProblem(error, "VERSION_CONFLICT")) {
    return <Alert type="warning" showIcon title={t("cases.form.conflict")} style={{ marginBottom: 12 }} />;
  }
  return <ProblemAlert error={error} style={{ marginBottom: 12 }} />;
}
