import type { User } from "@sanshe/contracts";
import { Alert, App, Button, Flex, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useUpdateUser } from "../api";

/** Enables or disables the account (disabling ends its sessions), with the version that was read. */
export function UserStatusControl({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUser(user.id);
  const [hasConflict, setHasConflict] = useState(false);
  const isActive = user.status === "active";

  const change = () => {
    setHasConflict(false);
    update.mutate(
      { version: user.version, data: { status: isActive ? "disabled" : "active" } },
      {
        onSuccess: (updated) => {
          void message.success(t(updated.status === "active" ? "users.detail.enabled" : "users.detail.disabled"));
        },
        onError: (error) => {
          setHasConflict(isProblem(error, "VERSION_CONFLICT"));
        },
      },
    );
  };

  return (
    <>
      {hasConflict ? (
        <Alert type="warning" showIcon title={t("users.detail.conflict")} style={{ marginBottom: 12 }} />
      ) : update.isError ? (
        <ProblemAlert error={update.error} style={{ marginBottom: 12 }} />
      ) : null}
      <Flex align="center" gap={12} wrap>
        <Typography.Text type="secondary">{isActive ? t("users.detail.activeExplain") : t("users.detail.disabledExplain")}</Typography.Text>
        <Popconfirm
          title={isActive ? t("users.detail.confirmDisable") : t("users.detail.confirmEnable")}
          okText={t("users.common.confirm")}
          cancelText={t("users.common.cancel")}
          onConfirm={change}
        >
          <Button danger={isActive} loading={update.isPending}>
            {isActive ? t("users.detail.disable") : t("users.detail.enable")}
          </Button>
        </Popconfirm>
      </Flex>
    </>
  );
}
