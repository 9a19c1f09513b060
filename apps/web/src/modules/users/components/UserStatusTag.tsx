import type { User } from "@sanshe/contracts";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";

/** Status of an account: 启用 / 停用, and 已锁定 while locked after failed logins. */
export function UserStatusTag({ user }: { user: Pick<User, "status" | "locked_until"> }) {
  const { t } = useTranslation();
  const isLocked = user.locked_until !== null && new Date(user.locked_until).getTime() > Date.now();
  return (
    <>
      <Tag color={user.status === "active" ? "green" : "default"}>{t(`users.status.${user.status}`)}</Tag>
      {isLocked ? (
        <Tooltip title={t("users.status.lockedUntil", { time: formatDateTime(user.locked_until) })}>
          <Tag color="orange">{t("users.status.locked")}</Tag>
        </Tooltip>
      ) : null}
    </>
  );
}
