import { App } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useLogout } from "../modules/auth";

/** Signs out and goes to the sign-in page; a failure is said in a message. Shared by both layouts. */
export function useSignOut() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  return {
    isPending: logout.isPending,
    signOut: () =>
      logout.mutate(undefined, {
        onSuccess: () => {
          void navigate("/login", { replace: true });
        },
        onError: () => {
          void message.error(t("auth.logout.failed"));
        },
      }),
  };
}
