import { UploadOutlined } from "@ant-design/icons";
import type { ContractDetail, Milestone } from "@sanshe/contracts";
import { Alert, App, Button, Checkbox, Drawer, Empty, Form, Input, InputNumber, Space, Switch, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useEnumLabel } from "../../../../ui/enumLabels";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { useEvidenceCandidates, useReportMilestone, useUploadContractAttachment } from "../api";

type FormValues = { summary: string; beneficiaries_reached?: number | null; attachment_ids?: string[]; with_records: boolean };

const ACCEPTED_FILES = "application/pdf,image/jpeg,image/png,image/webp";

/**
 * The organization reports progress on a milestone: what was done, and evidence — its referrals in the
 * contract period (with their service records), people reached, and files attached to the contract.
 */
export function ReportMilestoneDrawer({
  contract,
  milestone,
  onClose,
}: {
  contract: ContractDetail;
  milestone: Milestone | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const { message } = App.useApp();
  const open = milestone !== undefined;
  const candidates = useEvidenceCandidates(contract.id, open);
  const report = useReportMilestone(contract.id);
  const upload = useUploadContractAttachment(contract.id);
  const uploadKey = useIdempotencyKey();
  const { keyFor, reset } = useIdempotencyKey();
  const [form] = Form.useForm<FormValues>();
  const [referralIds, setReferralIds] = useState<string[]>([]);
  const [isMissingEvidence, setIsMissingEvidence] = useState(false);

  const submit = (values: FormValues) => {
    if (!milestone) {
      return;
    }
    // A report needs evidence (the server answers MILESTONE_EVIDENCE_REQUIRED otherwise).
    if (referralIds.length === 0 && (values.attachment_ids ?? []).length === 0) {
      setIsMissingEvidence(true);
      return;
    }
    setIsMissingEvidence(false);
    const chosen = (candidates.data?.items ?? []).filter((item) => referralIds.includes(item.id));
    const body = {
      milestoneId: milestone.id,
      summary: values.summary.trim(),
      referral_ids: referralIds,
      service_record_ids: values.with_records ? chosen.flatMap((item) => item.service_record_ids) : [],
      attachment_ids: values.attachment_ids ?? [],
      ...(typeof values.beneficiaries_reached === "number" ? { beneficiaries_reached: values.beneficiaries_reached } : {}),
    };
    report.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: () => {
          reset();
          form.resetFields();
          setReferralIds([]);
          void message.success(t("contracts.report.sent"));
          onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={milestone ? t("contracts.report.title", { title: milestone.title }) : ""}
      extra={
        <Button type="primary" loading={report.isPending} disabled={report.isPending} onClick={() => form.submit()}>
          {t("contracts.report.submit")}
        </Button>
      }
    >
      {milestone ? (
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="milestone-report"
          onFinish={submit}
          initialValues={{ with_records: true, attachment_ids: [] }}
        >
          <Typography.Paragraph type="secondary">
            {t("contracts.fields.deliverables")}：{milestone.deliverables}
          </Typography.Paragraph>
          {milestone.status === "returned" ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("contracts.report.returnedBecause")}
              description={milestone.reports.at(-1)?.decision_reason ?? ""}
            />
          ) : null}
          <Form.Item name="summary" label={t("contracts.report.summary")} rules={[{ required: true, whitespace: true, max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>

          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t("contracts.report.referrals")}
          </Typography.Title>
          {candidates.isError ? <ProblemAlert error={candidates.error} /> : null}
          <Table
            size="small"
            rowKey="id"
            loading={candidates.isFetching}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={candidates.data?.items ?? []}
            rowSelection={{
              selectedRowKeys: referralIds,
              onChange: (keys) => setReferralIds(keys.map(String)),
              getCheckboxProps: (item) => ({
                "aria-label": t("contracts.report.pickReferral", {
                  category: enumLabel("needCategory", item.category),
                  at: formatDateTime(item.created_at),
                }),
              }),
            }}
            columns={[
              { key: "category", title: t("contracts.report.category"), render: (_v, item) => enumLabel("needCategory", item.category) },
              { key: "status", title: t("contracts.fields.status"), render: (_v, item) => enumLabel("referralStatus", item.status) },
              { key: "records", title: t("contracts.report.serviceRecords"), render: (_v, item) => item.service_record_ids.length },
              { key: "at", title: t("contracts.report.referredAt"), render: (_v, item) => formatDateTime(item.created_at) },
            ]}
            locale={{ emptyText: <Empty description={t("contracts.report.noReferrals")} /> }}
          />
          <Form.Item name="with_records" label={t("contracts.report.withRecords")} valuePropName="checked" style={{ marginTop: 12 }}>
            <Switch />
          </Form.Item>
          <Form.Item
            name="beneficiaries_reached"
            label={t("contracts.report.beneficiaries")}
            extra={t("contracts.report.beneficiariesHint")}
          >
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>

          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t("contracts.report.attachments")}
          </Typography.Title>
          <Upload
            accept={ACCEPTED_FILES}
            showUploadList={false}
            customRequest={(options) => {
              const file = options.file as File;
              upload.mutate(
                { file, idempotencyKey: uploadKey.keyFor([file.name, file.size, file.lastModified]) },
                {
                  onSuccess: (saved) => {
                    uploadKey.reset();
                    form.setFieldValue("attachment_ids", [...(form.getFieldValue("attachment_ids") as string[]), saved.id]);
                    options.onSuccess?.(saved);
                  },
                  onError: (error) => options.onError?.(error),
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t("contracts.report.upload")}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t("contracts.report.uploadHint")}
          </Typography.Paragraph>
          {upload.error ? <ProblemAlert error={upload.error} style={{ marginBottom: 8 }} /> : null}
          {contract.attachments.length === 0 ? (
            <Typography.Paragraph type="secondary">{t("contracts.report.noAttachments")}</Typography.Paragraph>
          ) : null}
          <Form.Item name="attachment_ids" label={t("contracts.report.cite")} hidden={contract.attachments.length === 0}>
            <Checkbox.Group>
              <Space direction="vertical">
                {contract.attachments.map((a) => (
                  <Checkbox key={a.id} value={a.id}>
                    {a.original_name}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          {isMissingEvidence ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 8 }} title={t("contracts.report.evidenceRequired")} />
          ) : null}
          {report.error ? <ProblemAlert error={report.error} /> : null}
        </Form>
      ) : null}
    </Drawer>
  );
}
