import { App } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";

/**
 * On 409 (decided or changed meanwhile) the record is refetched by the mutation; this tells the user
 * why, with the server's own message, and returns true so the form can close.
 */
export function useConflictNotice(): (error: unknown) => boolean {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown) => {
    if (isProblem(error) && error.status === 409) {
      void message.warning(error.problem.detail || t("adminTasks.common.conflict"));
      return true;
    }
    return false;
  };
}
