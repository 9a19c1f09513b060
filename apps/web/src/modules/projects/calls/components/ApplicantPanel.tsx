import type { CallDetail } from "@sanshe/contracts";
import { Alert, Button, Card, Descriptions, Empty, Flex, Popconfirm, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../../ui/api";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { formatFen } from "../../money";
import { useApplication, useApplicationResult, useWithdraw } from "../api";
import { ApplyForm } from "./ApplyForm";
import { AttachmentsList } from "./AttachmentsCard";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** An organization's side of the call: apply once, attach documents, withdraw before the deadline, then see the outcome. */
export function ApplicantPanel({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const applicationId = call.viewer.my_application_id;
  const application = useApplication(applicationId);
  const isOpen = call.status === "open" && new Date(call.submission_deadline).getTime() > Date.now();

  if (!applicationId) {
    if (isOpen) {
      return <ApplyForm call={call} />;
    }
    return (
      <Card title={t("calls.apply.mine")}>
        <Empty description={t("calls.apply.closed")} />
      </Card>
    );
  }
  if (application.isPending) {
    return <Spin />;
  }
  if (application.isError) {
    return <ProblemAlert error={application.error} />;
  }
  const mine = application.data;
  if (mine.status === "withdrawn" && isOpen) {
    return (
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t("calls.apply.withdrawnResubmit")} />
        <ApplyForm call={call} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Card
        title={t("calls.apply.mine")}
        extra={
          <Flex gap={8} align="center">
            <Tag>{t(`calls.applicationStatus.${mine.status}`)}</Tag>
            {isOpen && mine.status === "submitted" ? <WithdrawButton callId={call.id} id={mine.id} version={mine.version} /> : null}
          </Flex>
        }
      >
        {!mine.complete && mine.status === "submitted" ? (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t("calls.apply.incomplete")} />
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("calls.apply.projectTitle")}>{mine.title}</Descriptions.Item>
          <Descriptions.Item label={t("calls.apply.requested")}>{formatFen(mine.requested_fen)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.apply.submittedAt")}>{formatDateTime(mine.submitted_at)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.apply.beneficiaryCount")}>{mine.beneficiary_count}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t("calls.attachments.title")}
        </Typography.Title>
        <AttachmentsList
          application={mine}
          requiredDocuments={call.required_documents}
          canUpload={isOpen && mine.status === "submitted"}
          callId={call.id}
        />
      </Card>
      {mine.status === "awarded" || mine.status === "not_awarded" ? <ResultCard id={mine.id} /> : null}
    </Flex>
  );
}

function WithdrawButton({ callId, id, version }: { callId: string; id: string; version: number }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw(callId, id);
  return (
    <>
      <Popconfirm title={t("calls.apply.withdrawConfirm")} onConfirm={() => withdraw.mutate({ version })}>
        <Button danger loading={withdraw.isPending}>
          {t("calls.apply.withdraw")}
        </Button>
      </Popconfirm>
      {withdraw.isError ? (
        <ProblemAlert error={withdraw.error} title={isProblem(withdraw.error, "VERSION_CONFLICT") ? t("calls.reload") : undefined} />
      ) : null}
    </>
  );
}

/** 评审结果: the applicant's outcome, justification and per-criterion averages (reviewers anonymous). */
function ResultCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useApplicationResult(id, true);
  if (result.isPending) {
    return <Spin />;
  }
  if (result.isError) {
    return <ProblemAlert error={result.error} />;
  }
  const outcome = result.data;
  return (
    <Card title={t("calls.result.title")} data-testid="application-result">
      <Alert
        type={outcome.status === "awarded" ? "success" : "warning"}
        showIcon
        title={t(`calls.applicationStatus.${outcome.status}`)}
        description={
          <>
            <div>
              {t("calls.result.finalScore")}：{outcome.final_score === null ? "—" : outcome.final_score.toFixed(2)}
            </div>
            <div>
              {t("calls.result.reason")}：{outcome.decision_reason ?? "—"}
            </div>
            <div>
              {t("calls.result.decidedAt")}：{formatDateTime(outcome.decided_at)}
            </div>
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <SummaryTable
        rowKey="criterion_id"
        dataSource={outcome.criteria}
        columns={[
          { key: "name", title: t("calls.form.criterion"), dataIndex: "name" },
          { key: "weight", title: t("calls.detail.weight"), align: "right", render: (_v, c) => `${c.weight}%` },
          {
            key: "avg",
            title: t("calls.result.average"),
            align: "right",
            render: (_v, c) => (c.average_score === null ? "—" : c.average_score.toFixed(1)),
          },
          { key: "comments", title: t("calls.result.comments"), render: (_v, c) => c.comments.join("；") || "—" },
        ]}
      />
    </Card>
  );
}
