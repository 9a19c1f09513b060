import type { NeedDetail } from "@sanshe/contracts";
import { Descriptions, Space, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { NeedPhotos } from "./NeedPhotos";
import { NeedStatusTag } from "./NeedStatusTag";
import { ReferralCase } from "./ReferralCase";

/** A need's routing explanation, referrals (overdue in red) and timeline. */
export function NeedDetailView({ need, showReferrals = true }: { need: NeedDetail; showReferrals?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("needs.field.category")}>{need.category_name}</Descriptions.Item>
        <Descriptions.Item label={t("needs.field.status")}>
          <NeedStatusTag need={need} />
        </Descriptions.Item>
        <Descriptions.Item label={t("needs.field.description")}>{need.description}</Descriptions.Item>
        {need.contact && (
          <Descriptions.Item label={t("needs.intake.contact")}>
            {[need.contact.name_masked, need.contact.phone_masked, need.contact.email_masked].filter(Boolean).join(" · ")}
          </Descriptions.Item>
        )}
        {need.address && <Descriptions.Item label={t("needs.field.address")}>{need.address}</Descriptions.Item>}
        {need.grid && <Descriptions.Item label={t("needs.field.grid")}>{need.grid.name}</Descriptions.Item>}
        <Descriptions.Item label={t("needs.field.tier")}>{t(`needs.tier.${need.tier}`)}</Descriptions.Item>
        <Descriptions.Item label={t("needs.list.routing")}>{need.routing.explanation}</Descriptions.Item>
      </Descriptions>
      <NeedPhotos needId={need.id} attachments={need.attachments} />
      {showReferrals && need.referrals.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t("needs.list.referrals")}
          dataSource={need.referrals}
          columns={[
            { title: t("needs.field.provider"), render: (_, r) => r.provider_name ?? t(`needs.providerKind.${r.provider_kind}`) },
            {
              title: t("needs.field.status"),
              render: (_, r) => (
                <Space>
                  {t(`needs.referralStatus.${r.status}`)}
                  {r.overdue && <Tag color="red">{t("needs.list.overdue")}</Tag>}
                </Space>
              ),
            },
            { title: t("needs.field.reason"), dataIndex: "decline_reason" },
            {
              title: t("needs.field.resolveBy"),
              render: (_, r) => <Typography.Text type={r.overdue ? "danger" : undefined}>{formatDateTime(r.resolve_by)}</Typography.Text>,
            },
            { title: t("needs.referralCase.case"), render: (_, r) => <ReferralCase referral={r} /> },
          ]}
        />
      )}
      <Typography.Title level={5}>{t("needs.list.timeline")}</Typography.Title>
      <Timeline
        items={need.events.map((event) => ({
          color:
            event.kind === "reopened" || event.kind === "declined" || event.kind === "escalated"
              ? "red"
              : event.kind === "confirmed"
                ? "green"
                : "blue",
          children: (
            <>
              <Typography.Text strong>{t(`needs.event.${event.kind}`, { defaultValue: event.kind })}</Typography.Text>{" "}
              <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
              {event.reason && <div>{event.reason}</div>}
            </>
          ),
        }))}
      />
    </Space>
  );
}
