import { PrinterOutlined } from "@ant-design/icons";
import type { Meeting, MeetingStatus } from "@sanshe/contracts";
import { meetingTransitions } from "@sanshe/contracts";
import { Alert, Button, Card, Descriptions, Flex, Input, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { formatDateTime } from "../../../ui/formatDateTime";
import { usePublishSummary, useUpdateMeeting } from "../api";
import { ActionItemList } from "../components/ActionItemList";
import { InviteesCard } from "../components/InviteesCard";
import { FinalMinutes, MinutesEditor, MinutesView } from "../components/MinutesEditor";
import { ResolutionModal } from "../components/ResolutionModal";
import { RouteMeeting } from "../components/RouteMeeting";
import { MeetingStatusTag } from "../components/StatusTags";

/** One joint meeting: details, invitees and attendance, agenda with resolutions, minutes and summary. */
export function MeetingPage() {
  return <RouteMeeting>{(meeting) => <MeetingDetail meeting={meeting} />}</RouteMeeting>;
}

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={meeting.title}
        subtitle={t("meetings.detail.subtitle")}
        extra={
          <Space>
            <MeetingStatusTag status={meeting.status} />
            <Link to={`/meetings/${meeting.id}/print`}>
              <Button icon={<PrinterOutlined />}>{t("meetings.detail.print")}</Button>
            </Link>
            {meeting.is_convener ? <StatusButtons meeting={meeting} /> : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("meetings.fields.startsAt")}>
              {formatDateTime(meeting.starts_at)} – {formatDateTime(meeting.ends_at)}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.place")}>
              {meeting.place.kind === "online" ? (
                <a href={meeting.place.url ?? undefined} target="_blank" rel="noopener noreferrer">
                  {t("meetings.place.online")}
                </a>
              ) : (
                meeting.place.facility_name
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.area")}>{meeting.area_name ?? meeting.area_code}</Descriptions.Item>
            <Descriptions.Item label={t("meetings.fields.convener")}>{meeting.convener_name}</Descriptions.Item>
          </Descriptions>
        </Card>
        <InviteesCard meeting={meeting} />
        <AgendaCard meeting={meeting} />
        <Card title={t("meetings.minutes.title")}>
          {meeting.status === "minuted" ? (
            <FinalMinutes key={meeting.version} meeting={meeting} />
          ) : meeting.is_convener && meeting.status === "held" ? (
            <MinutesEditor key={meeting.version} meeting={meeting} />
          ) : (
            <MinutesView html={meeting.minutes_html} />
          )}
        </Card>
        <SummaryCard meeting={meeting} />
      </Flex>
    </>
  );
}

function StatusButtons({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const next = meetingTransitions[meeting.status];
  return (
    <>
      {next.map((status: MeetingStatus) => {
        const button = (
          <Button
            key={status}
            danger={status === "cancelled"}
            type={status === "cancelled" ? "default" : "primary"}
            loading={update.isPending}
            onClick={status === "minuted" || status === "cancelled" ? undefined : () => update.mutate({ version: meeting.version, status })}
          >
            {t(`meetings.transition.${status}`)}
          </Button>
        );
        // finalizing the minutes and cancelling cannot be undone: say so before doing it
        return status === "minuted" || status === "cancelled" ? (
          <Popconfirm
            key={status}
            title={t(`meetings.transitionConfirm.${status}.title`)}
            description={t(`meetings.transitionConfirm.${status}.body`)}
            okText={t(`meetings.transition.${status}`)}
            cancelText={t("meetings.common.cancel")}
            okButtonProps={{ danger: status === "cancelled" }}
            onConfirm={() => update.mutate({ version: meeting.version, status })}
          >
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      {update.isError ? <ProblemAlert error={update.error} /> : null}
    </>
  );
}

function AgendaCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<string | null>(null);
  const canResolve = meeting.is_convener && (meeting.status === "held" || meeting.status === "minuted");
  return (
    <Card title={t("meetings.fields.agenda")}>
      {meeting.overdue_action_items.length > 0 ? (
        <Alert
          type="error"
          style={{ marginBottom: 16 }}
          title={t("meetings.detail.overdue", { count: meeting.overdue_action_items.length })}
          description={<ActionItemList items={meeting.overdue_action_items} />}
        />
      ) : null}
      <List
        dataSource={meeting.agenda}
        locale={{ emptyText: t("meetings.detail.noAgenda") }}
        renderItem={(item) => (
          <List.Item>
            <Flex vertical gap={8} style={{ width: "100%" }}>
              <Space wrap>
                <Typography.Text strong>
                  {item.position + 1}. {item.title}
                </Typography.Text>
                <Tag>{t(`meetings.agendaKind.${item.kind}`)}</Tag>
                {item.open_needs !== null ? <Tag color="blue">{t("meetings.detail.openNeeds", { count: item.open_needs })}</Tag> : null}
                {item.referral_id ? <Tag>{t("meetings.detail.referral", { id: item.referral_id.slice(0, 8) })}</Tag> : null}
                {canResolve ? (
                  <Button size="small" onClick={() => setResolving(item.id)}>
                    {t("meetings.resolution.add")}
                  </Button>
                ) : null}
              </Space>
              {item.resolutions.map((resolution) => (
                <Card key={resolution.id} size="small" title={`${t("meetings.resolution.label")}：${resolution.text}`}>
                  <ActionItemList items={resolution.action_items} />
                </Card>
              ))}
            </Flex>
          </List.Item>
        )}
      />
      <ResolutionModal meeting={meeting} agendaItemId={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}

function SummaryCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [text, setText] = useState(meeting.summary ?? "");
  const publish = usePublishSummary(meeting.id);
  const canPublish = meeting.is_convener && (meeting.status === "held" || meeting.status === "minuted");
  return (
    <Card title={t("meetings.summary.title")}>
      {meeting.summary_published_at ? (
        <Typography.Paragraph type="secondary">
          {t("meetings.summary.published", { at: formatDateTime(meeting.summary_published_at) })}
        </Typography.Paragraph>
      ) : null}
      {canPublish ? (
        <Flex vertical gap={8}>
          <Alert type="info" title={t("meetings.summary.hint")} />
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3 }}
            aria-label={t("meetings.summary.title")}
          />
          {publish.isError ? <ProblemAlert error={publish.error} /> : null}
          <Popconfirm
            title={t("meetings.summary.publishConfirm")}
            description={t("meetings.summary.publishConsequence")}
            okText={t("meetings.summary.publish")}
            cancelText={t("meetings.common.cancel")}
            disabled={!text.trim()}
            onConfirm={() => publish.mutate({ version: meeting.version, summary: text.trim() })}
          >
            <Button type="primary" disabled={!text.trim()} loading={publish.isPending}>
              {t("meetings.summary.publish")}
            </Button>
          </Popconfirm>
        </Flex>
      ) : (
        <Typography.Paragraph>{meeting.summary ?? t("meetings.summary.none")}</Typography.Paragraph>
      )}
    </Card>
  );
}
