import type { Invitee, Meeting } from "@sanshe/contracts";
import { Button, Card, Flex, Input, Popover, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useAnswerInvitation, useSignInInvitee } from "../api";
import { ResponseTag } from "./StatusTags";

/** Invited parties with their answers and sign-in; the convener signs people in and shows the QR code. */
export function InviteesCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation(meeting.id);
  const signIn = useSignInInvitee(meeting.id);
  const [delegate, setDelegate] = useState("");
  const canAnswer = meeting.status === "scheduled";
  const canSignIn = meeting.is_convener && (meeting.status === "scheduled" || meeting.status === "held");
  const signInUrl = meeting.sign_in_token
    ? `${window.location.origin}/m/meetings/${meeting.id}/sign-in?t=${encodeURIComponent(meeting.sign_in_token)}`
    : null;

  const columns: TableColumnsType<Invitee> = [
    { key: "name", title: t("meetings.invitees.name"), render: (_v, i) => (i.is_me ? <strong>{i.name}</strong> : i.name) },
    { key: "kind", title: t("meetings.invitees.kind"), render: (_v, i) => <Tag>{t(`meetings.inviteeKind.${i.kind}`)}</Tag> },
    {
      key: "response",
      title: t("meetings.invitees.response"),
      render: (_v, i) => (
        <Space>
          <ResponseTag response={i.response} />
          {i.delegate_name ? t("meetings.invitees.delegate", { name: i.delegate_name }) : null}
        </Space>
      ),
    },
    { key: "signed", title: t("meetings.invitees.signedIn"), render: (_v, i) => (i.signed_in_at ? formatDateTime(i.signed_in_at) : "—") },
    {
      key: "actions",
      title: "",
      render: (_v, i) => (
        <Space wrap>
          {i.is_me && canAnswer ? (
            <>
              <Button size="small" onClick={() => answer.mutate({ inviteeId: i.id, response: "attend" })}>
                {t("meetings.invitees.attend")}
              </Button>
              <Button size="small" onClick={() => answer.mutate({ inviteeId: i.id, response: "decline" })}>
                {t("meetings.invitees.decline")}
              </Button>
              <Popover
                trigger="click"
                content={
                  <Space.Compact>
                    <Input
                      value={delegate}
                      onChange={(e) => setDelegate(e.target.value)}
                      placeholder={t("meetings.invitees.delegateName")}
                    />
                    <Button
                      type="primary"
                      disabled={!delegate.trim()}
                      onClick={() => answer.mutate({ inviteeId: i.id, response: "delegate", delegate_name: delegate.trim() })}
                    >
                      {t("meetings.invitees.send")}
                    </Button>
                  </Space.Compact>
                }
              >
                <Button size="small">{t("meetings.invitees.sendDelegate")}</Button>
              </Popover>
            </>
          ) : null}
          {canSignIn && !i.signed_in_at ? (
            <Button size="small" onClick={() => signIn.mutate(i.id)}>
              {t("meetings.invitees.signIn")}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t("meetings.invitees.title")}>
      <Flex gap={24} wrap align="start">
        <div style={{ flex: 1, minWidth: 480 }}>
          {answer.isError ? <ProblemAlert error={answer.error} style={{ marginBottom: 8 }} /> : null}
          {signIn.isError ? <ProblemAlert error={signIn.error} style={{ marginBottom: 8 }} /> : null}
          <Table<Invitee> rowKey="id" size="small" columns={columns} dataSource={meeting.invitees} pagination={false} />
        </div>
        {signInUrl && canSignIn ? (
          <Flex vertical align="center" gap={8}>
            <QRCodeSVG value={signInUrl} size={160} aria-label={t("meetings.invitees.qr")} />
            <span>{t("meetings.invitees.qrHint")}</span>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
