import { REFERRAL_SORTS, ReferralStatusSchema, type Referral, type ServiceRecordCreate } from "@sanshe/contracts";
import { Badge, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { useUrlSort } from "../../../ui/searchParams";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useEnumLabel } from "../../../ui/enumLabels";
import { useInbox, useReferralAction } from "../api";
import { ReassignModal } from "../components/ReassignModal";
import { ReferralContactButton } from "../components/ReferralContactButton";
import { ReferralCase } from "../components/ReferralCase";

const parties = ["community", "organization", "social_worker", "volunteer"] as const;

/**
 * Provider inbox: referrals to the caller's organization, community queue or (social workers) to the
 * caller personally, with the need's description and urgency, whom to visit (masked; an accepted
 * referral's contact is revealed on request, audited), unread count, actions and the case opened from it.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  // The home page's to-dos link here with ?status=pending (to accept) or ?status=accepted (to complete).
  const [params, setParams] = useSearchParams();
  const status = ReferralStatusSchema.options.find((s) => s === params.get("status"));
  const [sort, setSort] = useUrlSort(REFERRAL_SORTS);
  const paging = useCursorPaging([status ?? null, sort ?? null], 50);
  const { pagination, pageSize } = paging;
  const inbox = useInbox({ sort, status, cursor: pagination.cursor, limit: pageSize });
  const action = useReferralAction();
  const [declining, setDeclining] = useState<Referral | null>(null);
  const [serving, setServing] = useState<Referral | null>(null);
  const [reassigning, setReassigning] = useState<Referral | null>(null);
  const [declineForm] = Form.useForm<{ reason: string }>();
  const [serviceForm] = Form.useForm<ServiceRecordCreate>();

  return (
    <>
      <PageHeader
        title={t("needs.inbox.title")}
        subtitle={t("needs.inbox.subtitle")}
        extra={
          <Badge count={inbox.data?.unread ?? 0} showZero={false} title={t("needs.inbox.unread", { count: inbox.data?.unread ?? 0 })} />
        }
      />
      {inbox.data && inbox.data.unread > 0 && (
        <Typography.Paragraph>{t("needs.inbox.unread", { count: inbox.data.unread })}</Typography.Paragraph>
      )}
      {status && (
        <Typography.Paragraph>
          {t("needs.field.status")}:{" "}
          <Tag
            closable
            onClose={() =>
              setParams((current) => {
                const next = new URLSearchParams(current);
                next.delete("status");
                return next;
              })
            }
          >
            {t(`needs.referralStatus.${status}`)}
          </Tag>
        </Typography.Paragraph>
      )}
      <ProblemAlert error={action.error} style={{ marginBottom: 12 }} />
      <CursorListTable<Referral>
        query={inbox}
        paging={paging}
        emptyText={t("needs.inbox.empty")}
        sorting={{ allowed: REFERRAL_SORTS, sort, onChange: setSort }}
        columnsKey="referrals"
        toolbar={<ExportButton kind="referrals" filters={{ inbox: "1", sort, status }} />}
        columns={[
          { title: t("needs.field.category"), dataIndex: "category", render: (_, r) => enumLabel("needCategory", r.category) },
          {
            title: t("needs.field.description"),
            dataIndex: "description",
            render: (_, r) => <Typography.Paragraph style={{ margin: 0, maxWidth: 360 }}>{r.description}</Typography.Paragraph>,
          },
          {
            title: t("needs.field.urgency"),
            // words on the tag (the colour only repeats them); red text on its light red passes AA contrast
            render: (_, r) => <Tag color={r.urgency === "high" ? "red" : undefined}>{t(`needs.urgency.${r.urgency}`)}</Tag>,
          },
          {
            title: t("needs.inbox.whom"),
            width: 200,
            // masked by the server until the provider accepts and asks (audited) to see the contact
            render: (_, r) =>
              r.contact_name || r.contact_phone || r.address ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{[r.contact_name, r.contact_phone].filter(Boolean).join(" · ") || "—"}</Typography.Text>
                  {r.address && <Typography.Text type="secondary">{r.address}</Typography.Text>}
                  {r.status === "pending" && <Typography.Text type="secondary">{t("needs.inbox.maskedHint")}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t("needs.inbox.noContact")}</Typography.Text>
              ),
          },
          { title: t("needs.field.provider"), render: (_, r) => r.provider_name ?? t(`needs.providerKind.${r.provider_kind}`) },
          {
            title: t("needs.field.status"),
            render: (_, r) => (
              <Space>
                {!r.read && r.status === "pending" && <Badge status="processing" />}
                {t(`needs.referralStatus.${r.status}`)}
                {r.overdue && <Tag color="red">{t("needs.list.overdue")}</Tag>}
              </Space>
            ),
          },
          {
            key: "respond_by",
            title: t("needs.field.respondBy"),
            render: (_, r) => (
              <Typography.Text type={r.overdue ? "danger" : undefined} style={{ whiteSpace: "nowrap" }}>
                {formatDateTime(r.status === "pending" ? r.respond_by : r.resolve_by)}
              </Typography.Text>
            ),
          },
          {
            title: "",
            render: (_, r) => (
              <Space wrap>
                {r.status === "pending" && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      loading={action.isPending}
                      onClick={() => action.mutate({ kind: "accept", id: r.id })}
                    >
                      {t("needs.inbox.accept")}
                    </Button>
                    <Button size="small" danger onClick={() => setDeclining(r)}>
                      {t("needs.inbox.decline")}
                    </Button>
                    {r.provider_kind === "community_queue" && (
                      <Button size="small" onClick={() => setReassigning(r)}>
                        {t("needs.reassign.action")}
                      </Button>
                    )}
                  </>
                )}
                {r.status === "accepted" && (
                  <>
                    <ReferralContactButton referral={r} />
                    <Button size="small" onClick={() => setServing(r)}>
                      {t("needs.inbox.addService")}
                    </Button>
                    <Popconfirm
                      title={t("needs.inbox.completeConfirm")}
                      description={t("needs.inbox.completeConsequence")}
                      okText={t("needs.inbox.complete")}
                      cancelText={t("needs.rules.cancel")}
                      onConfirm={() => action.mutate({ kind: "complete", id: r.id })}
                    >
                      <Button size="small" type="primary" loading={action.isPending}>
                        {t("needs.inbox.complete")}
                      </Button>
                    </Popconfirm>
                  </>
                )}
                <ReferralCase referral={r} />
              </Space>
            ),
          },
        ]}
      />
      <ReassignModal referral={reassigning} onClose={() => setReassigning(null)} />
      <Modal
        open={declining !== null}
        title={t("needs.inbox.declineTitle")}
        onCancel={() => setDeclining(null)}
        onOk={() => declineForm.submit()}
        confirmLoading={action.isPending}
      >
        <Form
          form={declineForm}
          layout="vertical"
          onFinish={({ reason }) =>
            declining &&
            action.mutate(
              { kind: "decline", id: declining.id, reason },
              {
                onSuccess: () => {
                  declineForm.resetFields();
                  setDeclining(null);
                },
              },
            )
          }
        >
          <Form.Item name="reason" label={t("needs.field.reason")} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={serving !== null}
        title={t("needs.inbox.addService")}
        onCancel={() => setServing(null)}
        onOk={() => serviceForm.submit()}
        confirmLoading={action.isPending}
      >
        <Form<ServiceRecordCreate>
          form={serviceForm}
          layout="vertical"
          initialValues={{ served_on: new Date().toISOString().slice(0, 10), minutes: 60, party_kind: "organization" }}
          onFinish={(record) =>
            serving &&
            action.mutate(
              { kind: "service", id: serving.id, record },
              {
                onSuccess: () => {
                  serviceForm.resetFields();
                  setServing(null);
                },
              },
            )
          }
        >
          <Form.Item name="served_on" label={t("needs.field.servedOn")} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2026-03-02" />
          </Form.Item>
          <Form.Item name="minutes" label={t("needs.field.minutes")} rules={[{ required: true }]}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
          <Form.Item name="party_kind" label={t("needs.field.partyKind")}>
            <Select options={parties.map((p) => ({ value: p, label: t(`needs.party.${p}`) }))} />
          </Form.Item>
          <Form.Item name="party_name" label={t("needs.field.partyName")} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="notes" label={t("needs.field.notes")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
