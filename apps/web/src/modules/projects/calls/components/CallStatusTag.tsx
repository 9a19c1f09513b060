import type { CallStatus } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors: Record<CallStatus, string> = {
  draft: "default",
  open: "green",
  under_review: "gold",
  awarded: "blue",
  cancelled: "red",
};

/** The call's status as a coloured tag. */
export function CallStatusTag({ status }: { status: CallStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`calls.status.${status}`)}</Tag>;
}
