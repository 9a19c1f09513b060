import { Button, Flex, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router-dom";
import { ProblemAlert } from "../ui/ProblemAlert";
import { useMe } from "../modules/auth";

/** Lets signed-in users through; sends everyone else to /login and brings them back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" description={t("ui.common.loading")} />
      </Flex>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t("app.auth.unavailable")}
        subTitle={<ProblemAlert error={me.error} />}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t("app.auth.retry")}
          </Button>
        }
      />
    );
  }
  if (me.data === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <>{children}</>;
}
