import type { Need } from "@sanshe/contracts";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors: Record<Need["status"], string> = {
  new: "default",
  routed: "blue",
  accepted: "cyan",
  in_service: "geekblue",
  done: "gold",
  closed: "green",
  reopened: "volcano",
};

/** Status with the overdue flags in red, and how a closed need was confirmed. */
export function NeedStatusTag({ need }: { need: Need }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={colors[need.status]}>{t(`needs.status.${need.status}`)}</Tag>
      {need.overdue && <Tag color="red">{t("needs.list.overdue")}</Tag>}
      {need.confirmation_overdue && <Tag color="red">{t("needs.list.confirmationOverdue")}</Tag>}
      {need.status === "closed" && need.confirmed_by && <Tag>{t(`needs.dashboard.confirmed.${need.confirmed_by}`)}</Tag>}
    </Space>
  );
}
