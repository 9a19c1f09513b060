import type { ActionItem } from "@sanshe/contracts";
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Spin, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { formatDateTime } from "../../../ui/formatDateTime";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useAcceptItem, useActionItem, useAddProgress, useMarkDone, useReturnItem } from "../api";
import { ActionItemStatusTag } from "../components/StatusTags";

/** One action item: what is expected, its history, progress and done for the owner, accept or return for the convener. */
export function ActionItemPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const query = useActionItem(id);
  if (query.isPending) {
    return <Spin />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} />;
  }
  const item = query.data;
  return (
    <>
      <PageHeader title={item.expected_result} subtitle={t("meetings.item.subtitle")} extra={<ActionItemStatusTag item={item} />} />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("meetings.item.meeting")}>
              <Link to={`/meetings/${item.meeting_id}`}>{item.meeting_title}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.resolution.label")}>{item.resolution_text}</Descriptions.Item>
            <Descriptions.Item label={t("meetings.item.owner")}>
              {item.owner_unit_name} · {item.owner_user_name}
            </Descriptions.Item>
            <Descriptions.Item label={t("meetings.item.dueOn")}>
              <Typography.Text type={item.overdue ? "danger" : undefined}>{item.due_on}</Typography.Text>
            </Descriptions.Item>
            {item.done_note ? (
              <Descriptions.Item label={t("meetings.item.doneNote")}>
                <span style={{ whiteSpace: "pre-wrap" }}>{item.done_note}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {item.returned_reason && item.status === "open" ? (
            <Alert type="warning" title={t("meetings.item.returnedReason", { reason: item.returned_reason })} />
          ) : null}
        </Card>
        {item.can_report ? <OwnerActions item={item} /> : null}
        {item.can_review ? <ReviewActions item={item} /> : null}
        <Card title={t("meetings.item.history")}>
          <Timeline
            items={(item.updates ?? []).map((update) => ({
              key: update.id,
              content: (
                <>
                  <Typography.Text strong>{t(`meetings.updateKind.${update.kind}`)}</Typography.Text> · {update.author_name} ·{" "}
                  {formatDateTime(update.created_at)}
                  {update.text ? <div style={{ whiteSpace: "pre-wrap" }}>{update.text}</div> : null}
                  {update.referral_id ? <div>{t("meetings.item.referralEvidence", { id: update.referral_id })}</div> : null}
                  {update.service_record_id ? <div>{t("meetings.item.recordEvidence", { id: update.service_record_id })}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

type ProgressValues = { text: string; referral_id?: string; service_record_id?: string };

function OwnerActions({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProgressValues>();
  const progress = useAddProgress(item.id);
  const done = useMarkDone(item.id);
  const idempotency = useIdempotencyKey();
  const [reporting, setReporting] = useState(false);
  const [note, setNote] = useState("");
  return (
    <Card title={t("meetings.item.report")}>
      <Form<ProgressValues>
        name="progress"
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const body = {
            text: values.text,
            ...(values.referral_id ? { referral_id: values.referral_id.trim() } : {}),
            ...(values.service_record_id ? { service_record_id: values.service_record_id.trim() } : {}),
          };
          progress.mutate(
            { ...body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: () => {
                idempotency.reset();
                form.resetFields();
              },
              onError: (error) => showFieldErrors(form, error, ["text", "referral_id", "service_record_id"]),
            },
          );
        }}
      >
        <Form.Item name="text" label={t("meetings.item.progressText")} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="referral_id" label={t("meetings.item.referralId")} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="service_record_id" label={t("meetings.item.serviceRecordId")} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        {progress.isError ? <ProblemAlert error={progress.error} style={{ marginBottom: 8 }} /> : null}
        {done.isError ? <ProblemAlert error={done.error} style={{ marginBottom: 8 }} /> : null}
        <Flex gap={8}>
          <Button htmlType="submit" loading={progress.isPending}>
            {t("meetings.item.postProgress")}
          </Button>
          <Button type="primary" onClick={() => setReporting(true)}>
            {t("meetings.item.markDone")}
          </Button>
        </Flex>
      </Form>
      <Modal
        open={reporting}
        title={t("meetings.item.doneTitle")}
        okText={t("meetings.item.doneOk")}
        cancelText={t("meetings.common.cancel")}
        okButtonProps={{ disabled: !note.trim() }}
        confirmLoading={done.isPending}
        onCancel={() => setReporting(false)}
        onOk={() =>
          done.mutate(
            { version: item.version, note: note.trim() },
            {
              onSuccess: () => {
                setReporting(false);
                setNote("");
              },
            },
          )
        }
      >
        <Typography.Paragraph>{t("meetings.item.doneConsequence")}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t("meetings.item.doneNote")}
          placeholder={t("meetings.item.doneNoteHint")}
          value={note}
          maxLength={2000}
          autoSize={{ minRows: 3 }}
          onChange={(event) => setNote(event.target.value)}
        />
        {done.isError ? <ProblemAlert error={done.error} style={{ marginTop: 8 }} /> : null}
      </Modal>
    </Card>
  );
}

function ReviewActions({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const accept = useAcceptItem(item.id);
  const giveBack = useReturnItem(item.id);
  const [reason, setReason] = useState("");
  return (
    <Card title={t("meetings.item.review")}>
      <Flex vertical gap={8}>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("meetings.item.returnReason")}
          aria-label={t("meetings.item.returnReason")}
        />
        {accept.isError ? <ProblemAlert error={accept.error} /> : null}
        {giveBack.isError ? <ProblemAlert error={giveBack.error} /> : null}
        <Flex gap={8}>
          <Popconfirm
            title={t("meetings.item.acceptConfirm")}
            description={t("meetings.item.acceptConsequence")}
            okText={t("meetings.item.accept")}
            cancelText={t("meetings.common.cancel")}
            onConfirm={() => accept.mutate({ version: item.version })}
          >
            <Button type="primary" loading={accept.isPending}>
              {t("meetings.item.accept")}
            </Button>
          </Popconfirm>
          <Button
            danger
            disabled={!reason.trim()}
            loading={giveBack.isPending}
            onClick={() => giveBack.mutate({ version: item.version, reason: reason.trim() })}
          >
            {t("meetings.item.return")}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
