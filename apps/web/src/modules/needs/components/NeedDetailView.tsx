import type { NeedDetail } from "@sanshe/contracts";
import { Descriptions, Space, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { NeedPhotos } from "./NeedPhotos";
import { NeedStatusTag } from "./NeedStatusTag";
import { ReferralCase } from "./ReferralCase";
import { SummaryTable } from "../../../ui/SummaryTable";

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
        {need.confirmed_by && (
          <Descriptions.Item label={t("needs.dashboard.confirmedBy")}>
            <Space wrap>
              <Tag color={need.confirmed_by === "resident" ? "green" : need.confirmed_by === "callback" ? "blue" : "orange"}>
                {t(`needs.dashboard.confirmed.${need.confirmed_by}`)}
              </Tag>
              {need.rating !== null && t("needs.confirmation.residentRating", { rating: need.rating })}
              {need.callback_rating !== null && t("needs.confirmation.callbackRating", { rating: need.callback_rating })}
              {need.closed_at && <Typography.Text type="secondary">{formatDateTime(need.closed_at)}</Typography.Text>}
            </Space>
          </Descriptions.Item>
        )}
        {need.status === "done" && need.callback_allowed_from && (
          <Descriptions.Item label={t("needs.confirmation.waiting")}>
            {t("needs.confirmation.waitingText", { from: formatDateTime(need.callback_allowed_from) })}
          </Descriptions.Item>
        )}
      </Descriptions>
      {need.callbacks.length > 0 && (
        <SummaryTable
          rowKey="recorded_at"
          title={() => t("needs.callback.list")}
          dataSource={need.callbacks}
          columns={[
            { title: t("needs.callback.calledAt"), render: (_, c) => formatDateTime(c.called_at) },
            { title: t("needs.callback.method"), render: (_, c) => t(`needs.callback.methods.${c.method}`) },
            { title: t("needs.callback.answeredBy"), dataIndex: "answered_by" },
            { title: t("needs.callback.summary"), dataIndex: "summary" },
            { title: t("needs.field.solved"), render: (_, c) => t(c.solved ? "needs.report.solvedYes" : "needs.report.solvedNo") },
            { title: t("needs.field.rating"), dataIndex: "rating" },
          ]}
        />
      )}
      <NeedPhotos needId={need.id} attachments={need.attachments} />
      {showReferrals && need.referrals.length > 0 && (
        <SummaryTable
          rowKey="id"
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
                  {r.rating !== null && r.rating_source && (
                    <Tag>
                      {t("needs.confirmation.referralRating", {
                        rating: r.rating,
                        source: t(`needs.dashboard.confirmed.${r.rating_source}`),
                      })}
                    </Tag>
                  )}
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
