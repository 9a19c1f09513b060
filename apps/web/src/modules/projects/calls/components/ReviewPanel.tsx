import type { Application, CallDetail, CreditRecord } from "@sanshe/contracts";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatFen } from "../../money";
import { useApplication, useCallApplications, useCreditRecord, useDeclare, useScore } from "../api";
import { AttachmentsList } from "./AttachmentsCard";

/** 评审工作台: after the deadline, each panel member declares any conflict and scores every application. */
export function ReviewPanel({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const isAfterDeadline = call.status === "under_review" || call.status === "awarded";
  const applications = useCallApplications(call.id, isAfterDeadline);
  if (!isAfterDeadline) {
    return (
      <Card title={t("calls.review.title")}>
        <Alert type="info" showIcon title={call.status === "cancelled" ? t("calls.review.cancelled") : t("calls.review.afterDeadline")} />
      </Card>
    );
  }
  return (
    <Card title={t("calls.review.title")}>
      {applications.isError ? <ProblemAlert error={applications.error} /> : null}
      {applications.isPending ? <Spin /> : null}
      {applications.data?.items.length === 0 ? <Empty description={t("calls.review.none")} /> : null}
      <Flex vertical gap={16}>
        {applications.data?.items.map((application) => (
          <ReviewCard key={application.id} call={call} summary={application} />
        ))}
      </Flex>
    </Card>
  );
}

function ReviewCard({ call, summary }: { call: CallDetail; summary: Application }) {
  const { t } = useTranslation();
  const detail = useApplication(summary.id);
  const credit = useCreditRecord(summary.org.id);
  const application = detail.data;
  const review = application?.my_review;
  const isClosed = call.status === "awarded";

  return (
    <Card type="inner" title={`${summary.org.name} · ${summary.title}`} extra={<Tag>{formatFen(summary.requested_fen)}</Tag>}>
      {detail.isPending ? <Spin /> : null}
      {detail.isError ? <ProblemAlert error={detail.error} /> : null}
      {application ? (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("calls.apply.objectives")}>{application.objectives}</Descriptions.Item>
              <Descriptions.Item label={t("calls.apply.activities")}>{application.activities}</Descriptions.Item>
              <Descriptions.Item label={t("calls.apply.beneficiaries")}>
                {application.beneficiaries}（{application.beneficiary_count}）
              </Descriptions.Item>
              <Descriptions.Item label={t("calls.apply.kpis")}>
                {application.kpis.map((k) => `${k.name} ${k.target} ${k.unit}`).join("；")}
              </Descriptions.Item>
              <Descriptions.Item label={t("calls.apply.budget")}>
                {application.budget_lines.map((b) => `${b.item} ${formatFen(b.amount_fen)}`).join("；")}
              </Descriptions.Item>
            </Descriptions>
            <AttachmentsList application={application} requiredDocuments={call.required_documents} canUpload={false} callId={call.id} />
            {isClosed ? null : (
              <Flex vertical gap={12} style={{ marginTop: 16 }}>
                <Declaration callId={call.id} applicationId={application.id} review={review ?? null} />
                {review?.declaration && !review.declaration.conflicted ? (
                  <ScoreSheet call={call} applicationId={application.id} review={review} />
                ) : null}
              </Flex>
            )}
            {review?.weighted_score !== null && review?.weighted_score !== undefined ? (
              <Typography.Paragraph strong style={{ marginTop: 12 }}>
                {t("calls.review.weighted", { score: review.weighted_score.toFixed(2) })}
              </Typography.Paragraph>
            ) : null}
          </Col>
          <Col xs={24} lg={10}>
            <CreditCard
              credit={credit.data ?? application.credit ?? undefined}
              error={credit.isError && !application.credit ? credit.error : null}
            />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}

type Review = NonNullable<NonNullable<ReturnType<typeof useApplication>["data"]>["my_review"]>;

function Declaration({ callId, applicationId, review }: { callId: string; applicationId: string; review: Review | null }) {
  const { t } = useTranslation();
  const declare = useDeclare(callId, applicationId);
  const [isConflicted, setIsConflicted] = useState(false);
  const [reason, setReason] = useState("");
  const declaration = review?.declaration;
  if (declaration?.conflicted) {
    return <Alert type="warning" showIcon title={t("calls.review.conflictDeclared")} description={declaration.reason} />;
  }
  if (declaration) {
    return <Alert type="success" showIcon title={t("calls.review.noConflictDeclared")} />;
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t("calls.review.declareFirst")}</Typography.Text>
      <Checkbox checked={isConflicted} onChange={(event) => setIsConflicted(event.target.checked)}>
        {t("calls.review.iAmConflicted")}
      </Checkbox>
      {isConflicted ? (
        <Input.TextArea
          aria-label={t("calls.review.conflictReason")}
          placeholder={t("calls.review.conflictReason")}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 2 }}
        />
      ) : null}
      {declare.isError ? <ProblemAlert error={declare.error} /> : null}
      <Flex gap={8}>
        {isConflicted ? (
          <Button
            danger
            disabled={!reason.trim()}
            loading={declare.isPending}
            onClick={() => declare.mutate({ conflicted: true, reason: reason.trim() })}
          >
            {t("calls.review.declareConflict")}
          </Button>
        ) : (
          <Button type="primary" loading={declare.isPending} onClick={() => declare.mutate({ conflicted: false })}>
            {t("calls.review.declareNone")}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

type ScoreValues = { scores: Array<{ score: number | null; comment?: string }> };

function ScoreSheet({ call, applicationId, review }: { call: CallDetail; applicationId: string; review: Review }) {
  const { t } = useTranslation();
  const score = useScore(call.id, applicationId);
  const [form] = Form.useForm<ScoreValues>();
  const given = new Map(review.scores.map((s) => [s.criterion_id, s]));
  const initialValues: ScoreValues = {
    scores: call.criteria.map((c) => ({ score: given.get(c.id)?.score ?? null, comment: given.get(c.id)?.comment ?? "" })),
  };
  const submit = (values: ScoreValues) =>
    score.mutate({
      scores: call.criteria.map((c, index) => ({
        criterion_id: c.id,
        score: values.scores[index]?.score ?? 0,
        comment: values.scores[index]?.comment?.trim() ? values.scores[index]?.comment?.trim() : null,
      })),
    });
  return (
    <Form<ScoreValues> name={`scores-${applicationId}`} form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
      {call.criteria.map((criterion, index) => (
        <Flex key={criterion.id} gap={8} wrap align="start">
          <Form.Item
            name={["scores", index, "score"]}
            label={t("calls.review.scoreFor", { name: criterion.name, weight: criterion.weight })}
            rules={[{ required: true }]}
            extra={t("calls.review.range")}
          >
            <InputNumber<number> min={0} max={100} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={["scores", index, "comment"]} label={t("calls.review.comment")} style={{ flex: 1, minWidth: 200 }}>
            <Input />
          </Form.Item>
        </Flex>
      ))}
      {score.isError ? <ProblemAlert error={score.error} style={{ marginBottom: 12 }} /> : null}
      {score.isSuccess ? <Alert type="success" showIcon title={t("calls.review.saved")} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={score.isPending}>
        {t("calls.review.saveScores")}
      </Button>
    </Form>
  );
}

/** 信用记录: the applicant's past contracts, grades, overdue milestones and returned reports. */
export function CreditCard({ credit, error }: { credit: CreditRecord | undefined; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("calls.credit.title")}>
      {error ? <ProblemAlert error={error} /> : null}
      {!credit && !error ? <Spin /> : null}
      {credit ? (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("calls.credit.contracts")}>
              {t("calls.credit.completedOf", { completed: credit.completed, total: credit.total })}
            </Descriptions.Item>
            <Descriptions.Item label={t("calls.credit.overdue")}>{credit.overdue_milestones}</Descriptions.Item>
            <Descriptions.Item label={t("calls.credit.returned")}>{credit.returned_reports}</Descriptions.Item>
            <Descriptions.Item label={t("calls.credit.grades")}>{t("calls.credit.gradeCounts", credit.grades)}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            dataSource={credit.projects}
            locale={{ emptyText: t("calls.credit.noProjects") }}
            renderItem={(project) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text>{project.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatFen(project.amount_fen)} · {t(`calls.credit.status.${project.status}`)}
                    {project.grade ? ` · ${t(`calls.credit.grade.${project.grade}`)}` : ""}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
