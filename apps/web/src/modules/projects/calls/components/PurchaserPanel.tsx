import { FileTextOutlined } from "@ant-design/icons";
import type { Application, CallDetail } from "@sanshe/contracts";
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { isProblem } from "../../../../ui/api";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { formatFen } from "../../money";
import { useAwardCall, useCallApplications, useRanking } from "../api";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** The purchaser's side: applications, the ranking after the deadline, the award with a justification, then contracts. */
export function PurchaserPanel({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const isPublished = call.status !== "draft";
  const isAfterDeadline = call.status === "under_review" || call.status === "awarded";
  const applications = useCallApplications(call.id, isPublished);
  const items = applications.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t("calls.purchaser.applications", { count: items.length })}
        extra={
          isPublished ? <Link to={`/applications?call_id=${encodeURIComponent(call.id)}`}>{t("calls.applications.table")}</Link> : null
        }
      >
        {applications.isError ? <ProblemAlert error={applications.error} /> : null}
        <SummaryTable<Application>
          rowKey="id"
          loading={applications.isPending && isPublished}
          dataSource={items}
          scroll={{ x: 800 }}
          locale={{
            emptyText: <Empty description={isPublished ? t("calls.purchaser.noApplications") : t("calls.purchaser.notPublished")} />,
          }}
          columns={[
            { key: "org", title: t("calls.purchaser.org"), render: (_v, a) => a.org.name },
            { key: "title", title: t("calls.apply.projectTitle"), dataIndex: "title" },
            { key: "requested", title: t("calls.apply.requested"), align: "right", render: (_v, a) => formatFen(a.requested_fen) },
            { key: "submitted", title: t("calls.apply.submittedAt"), render: (_v, a) => formatDateTime(a.submitted_at) },
            {
              key: "complete",
              title: t("calls.purchaser.documents"),
              render: (_v, a) =>
                a.complete ? (
                  <Tag color="green">{t("calls.attachments.complete")}</Tag>
                ) : (
                  <Tag color="red">
                    {t("calls.attachments.missingTypes", {
                      types: a.missing_documents.map((type) => t(`calls.docType.${type}`, { defaultValue: type })).join("、"),
                    })}
                  </Tag>
                ),
            },
            { key: "status", title: t("calls.fields.status"), render: (_v, a) => <Tag>{t(`calls.applicationStatus.${a.status}`)}</Tag> },
            {
              key: "contract",
              title: t("calls.purchaser.next"),
              render: (_v, a) =>
                a.status === "awarded" ? (
                  <Link to={`/contracts/new?application=${encodeURIComponent(a.id)}`}>
                    <Button size="small" type="primary" icon={<FileTextOutlined />}>
                      {t("calls.purchaser.drawContract")}
                    </Button>
                  </Link>
                ) : null,
            },
          ]}
        />
      </Card>
      {isAfterDeadline ? <RankingAndAward call={call} /> : null}
    </Flex>
  );
}

function RankingAndAward({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const ranking = useRanking(call.id, true);
  const award = useAwardCall(call.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [form] = Form.useForm<{ justification: string }>();
  const rows = ranking.data?.items ?? [];
  const chosenFen = rows.filter((r) => selected.includes(r.application_id)).reduce((sum, r) => sum + r.requested_fen, 0);
  const isOverBudget = chosenFen > call.total_budget_fen;
  const canAward = call.status === "under_review";

  return (
    <Card title={t("calls.purchaser.ranking")}>
      {ranking.isError ? <ProblemAlert error={ranking.error} /> : null}
      <SummaryTable
        rowKey="application_id"
        loading={ranking.isPending}
        dataSource={rows}
        rowSelection={
          canAward
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({
                  disabled: !row.complete || row.requested_fen > call.project_cap_fen,
                  "aria-label": t("calls.purchaser.select", { name: row.org_name }),
                }),
              }
            : undefined
        }
        locale={{ emptyText: <Empty description={t("calls.purchaser.noApplications")} /> }}
        columns={[
          { key: "rank", title: "#", render: (_v, _r, index) => index + 1 },
          { key: "org", title: t("calls.purchaser.org"), dataIndex: "org_name" },
          { key: "requested", title: t("calls.apply.requested"), align: "right", render: (_v, r) => formatFen(r.requested_fen) },
          {
            key: "score",
            title: t("calls.purchaser.finalScore"),
            align: "right",
            render: (_v, r) => (r.final_score === null ? "—" : r.final_score.toFixed(2)),
          },
          { key: "reviewers", title: t("calls.purchaser.reviewersScored"), align: "right", dataIndex: "reviewers_scored" },
          { key: "conflicts", title: t("calls.purchaser.conflicts"), align: "right", dataIndex: "conflicts" },
          {
            key: "complete",
            title: t("calls.purchaser.documents"),
            render: (_v, r) => (r.complete ? t("calls.attachments.complete") : t("calls.attachments.incomplete")),
          },
        ]}
      />
      {canAward ? (
        <Form
          name="award-form"
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={(values) => {
            void modal.confirm({
              title: t("calls.purchaser.awardConfirm"),
              content: t("calls.purchaser.awardConsequence", { count: selected.length }),
              okText: t("calls.purchaser.awardOk"),
              cancelText: t("calls.detail.keep"),
              onOk: () => award.mutate({ version: call.version, application_ids: selected, justification: values.justification.trim() }),
            });
          }}
        >
          <Typography.Paragraph type={isOverBudget ? "danger" : "secondary"} aria-live="polite">
            {t("calls.purchaser.chosen", { count: selected.length, total: formatFen(chosenFen), budget: formatFen(call.total_budget_fen) })}
          </Typography.Paragraph>
          <Form.Item
            name="justification"
            label={t("calls.purchaser.justification")}
            rules={[{ required: true, whitespace: true, max: 5000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          {award.isError ? (
            <ProblemAlert
              error={award.error}
              title={isProblem(award.error, "VERSION_CONFLICT") ? t("calls.reload") : undefined}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" disabled={selected.length === 0 || isOverBudget} loading={award.isPending}>
            {t("calls.purchaser.award")}
          </Button>
        </Form>
      ) : null}
      {call.status === "awarded" ? <Alert type="success" showIcon style={{ marginTop: 16 }} title={t("calls.purchaser.awarded")} /> : null}
    </Card>
  );
}
