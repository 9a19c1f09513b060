import type { ActionItem, InvitationResponse, MeetingStatus } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const meetingColors: Record<MeetingStatus, string> = {
  draft: "default",
  scheduled: "blue",
  held: "cyan",
  minuted: "green",
  cancelled: "default",
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Tag color={meetingColors[status]}>{t(`meetings.status.${status}`)}</Tag>;
}

const responseColors: Record<InvitationResponse, string> = { pending: "default", attend: "green", decline: "red", delegate: "gold" };

export function ResponseTag({ response }: { response: InvitationResponse }) {
  const { t } = useTranslation();
  return <Tag color={responseColors[response]}>{t(`meetings.response.${response}`)}</Tag>;
}

/** Open, overdue (red), returned, done (awaiting acceptance), closed. */
export function ActionItemStatusTag({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  if (item.overdue) {
    return <Tag color="red">{t("meetings.itemStatus.overdue")}</Tag>;
  }
  if (item.status === "open" && item.returned_reason) {
    return <Tag color="orange">{t("meetings.itemStatus.returned")}</Tag>;
  }
  const colors = { open: "blue", done: "gold", closed: "green" } as const;
  return <Tag color={colors[item.status]}>{t(`meetings.itemStatus.${item.status}`)}</Tag>;
}
