import type { Permission } from "@sanshe/contracts";
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useHasPermission } from "../api";

/** Renders its children only for users holding `permission` (or one of several); others see a 403 page, not a broken one. */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const isAllowed = useHasPermission(permission);
  const navigate = useNavigate();
  if (!isAllowed) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t("auth.forbidden.subtitle")}
        extra={
          <Button type="primary" onClick={() => void navigate("/")}>
            {t("auth.forbidden.home")}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
