import type { Need } from "@sanshe/contracts";
import { Card, Collapse, Descriptions, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { useNeed } from "../api";
import { ConfirmForm } from "./ConfirmForm";
import { NeedDetailView } from "./NeedDetailView";
import { NeedStatusTag } from "./NeedStatusTag";

/**
 * One of the resident's own needs, in words: what they asked, its status, who serves it and what
 * happens next; a need waiting for their confirmation carries the confirm form.
 */
export function ResidentNeedCard({ need }: { need: Need }) {
  const { t } = useTranslation();
  const { data: detail } = useNeed(need.id);
  const current =
    detail?.referrals.find((r) => r.status === "done") ?? detail?.referrals.find((r) => r.status === "accepted" || r.status === "pending");
  const provider = current ? (current.provider_name ?? t(`needs.providerKind.${current.provider_kind}`)) : null;
  return (
    <Card
      size="small"
      data-testid="resident-need"
      title={
        <Space wrap size={[8, 4]} style={{ whiteSpace: "normal", paddingBlock: 8 }}>
          <span>{need.category_name}</span>
          <NeedStatusTag need={need} />
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{need.description}</Typography.Paragraph>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t("needs.mine.servedBy")}>
          {detail ? (provider ?? t("needs.mine.notAssigned")) : <Spin size="small" />}
        </Descriptions.Item>
        <Descriptions.Item label={t("needs.mine.next")}>{t(`needs.mine.nextStep.${need.status}`)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t("needs.mine.reportedAt", { at: formatDateTime(need.created_at) })}</Typography.Text>
      {detail && need.status === "done" && (
        <div style={{ marginTop: 12 }}>
          <ConfirmForm need={detail} mode="resident" />
        </div>
      )}
      {detail && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[{ key: "history", label: t("needs.mine.details"), children: <NeedDetailView need={detail} showReferrals={false} /> }]}
        />
      )}
    </Card>
  );
}

/** Awaiting the resident's confirmation first, then the rest in their order (newest first). */
export function sortAwaitingFirst<T extends { status: Need["status"] }>(needs: readonly T[]): T[] {
  return [...needs.filter((need) => need.status === "done"), ...needs.filter((need) => need.status !== "done")];
}
