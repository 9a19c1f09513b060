import type { Case, CaseGoal, CaseReview, CaseReviewDecision, CaseRiskLevel, CaseSession, CaseSessionKind } from "@sanshe/contracts";
import {
  CaseGoalStatusSchema,
  CaseReviewDecisionSchema,
  CaseRiskLevelSchema,
  CaseSessionKindSchema,
  caseTransitions,
} from "@sanshe/contracts";
import { Alert, App, Button, Descriptions, Empty, Flex, Form, Input, InputNumber, Select, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useAddGoal, useAddReview, useAddSession, useCloseCase, useUpdateCase, useUpdateGoal } from "../api";
import { RiskTag } from "./StatusTags";

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Today in China Standard Time (YYYY-MM-DD), the latest date a session or review may carry. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  if (isProblem(error, "VERSION_CONFLICT")) {
    return <Alert type="warning" showIcon title={t("cases.form.conflict")} style={{ marginBottom: 12 }} />;
  }
  return <ProblemAlert error={error} style={{ marginBottom: 12 }} />;
}

type AssessmentValues = { presenting_problem: string; needs?: string; risks?: string; risk_level: CaseRiskLevel };

/** Intake assessment, its edit form and the stage buttons (owner only). */
export function AssessmentTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const update = useUpdateCase(file.id);
  const editable = canWrite && file.status !== "closed";
  const nextStages = caseTransitions[file.status].filter((status) => status !== "closed");
  return (
    <>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("cases.fields.presentingProblem")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{file.presenting_problem}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.needs")}>{file.needs ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.risks")}>{file.risks ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.risk")}>
          <RiskTag level={file.risk_level} />
        </Descriptions.Item>
      </Descriptions>
      {editable ? (
        <>
          <MutationError error={update.error} />
          <Flex gap={8} style={{ marginBottom: 16 }} wrap>
            {nextStages.map((status) => (
              <Button
                key={status}
                type="primary"
                loading={update.isPending}
                onClick={() => update.mutate({ version: file.version, data: { status } })}
              >
                {status === "in_service" && file.status === "review"
                  ? t("cases.form.backToService")
                  : t("cases.form.next", { status: t(`cases.status.${status}`) })}
              </Button>
            ))}
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t("cases.form.edit")}
          </Typography.Title>
          <Form<AssessmentValues>
            key={file.version}
            name="case-assessment-form"
            form={form}
            layout="vertical"
            initialValues={{
              presenting_problem: file.presenting_problem,
              needs: file.needs ?? undefined,
              risks: file.risks ?? undefined,
              risk_level: file.risk_level,
            }}
            onFinish={(values) =>
              update.mutate(
                {
                  version: file.version,
                  data: {
                    presenting_problem: values.presenting_problem.trim(),
                    needs: blankToNull(values.needs),
                    risks: blankToNull(values.risks),
                    risk_level: values.risk_level,
                  },
                },
                {
                  onSuccess: () => void message.success(t("cases.form.saved")),
                  onError: (error) => showFieldErrors(form, error, ["presenting_problem", "needs", "risks", "risk_level"], ["data"]),
                },
              )
            }
          >
            <Form.Item
              name="presenting_problem"
              label={t("cases.fields.presentingProblem")}
              rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="needs" label={t("cases.fields.needs")}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="risks" label={t("cases.fields.risks")}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="risk_level" label={t("cases.fields.risk")}>
              <Select
                style={{ width: 160 }}
                options={CaseRiskLevelSchema.options.map((value) => ({ value, label: t(`cases.risk.${value}`) }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={update.isPending}>
              {t("cases.form.save")}
            </Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

type GoalValues = { text: string; target_date?: string };

/** The plan: goals with their status, and a form to add one (owner only, not closed). */
export function PlanTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GoalValues>();
  const add = useAddGoal(file.id);
  const update = useUpdateGoal(file.id);
  const editable = canWrite && file.status !== "closed";
  return (
    <>
      <MutationError error={update.error ?? add.error} />
      <Table<CaseGoal>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.goals}
        locale={{ emptyText: <Empty description={t("cases.empty.goals")} /> }}
        columns={[
          { key: "text", title: t("cases.fields.goal"), dataIndex: "text" },
          { key: "target", title: t("cases.fields.targetDate"), render: (_value, goal) => goal.target_date ?? "—" },
          {
            key: "status",
            title: t("cases.fields.goalStatus"),
            render: (_value, goal) =>
              editable ? (
                <Select
                  size="small"
                  style={{ width: 120 }}
                  value={goal.status}
                  aria-label={t("cases.fields.goalStatus")}
                  options={CaseGoalStatusSchema.options.map((value) => ({ value, label: t(`cases.goalStatus.${value}`) }))}
                  onChange={(status) => update.mutate({ goalId: goal.id, version: goal.version, data: { status } })}
                />
              ) : (
                t(`cases.goalStatus.${goal.status}`)
              ),
          },
        ]}
      />
      {editable ? (
        <Form<GoalValues>
          name="case-goal-form"
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          onFinish={(values) =>
            add.mutate(
              { text: values.text.trim(), target_date: blankToNull(values.target_date) },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["text", "target_date"]),
              },
            )
          }
        >
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}>
            <Input placeholder={t("cases.fields.goal")} maxLength={1000} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="target_date" label={t("cases.fields.targetDate")}>
            <Input type="date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addGoal")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

type SessionValues = { date: string; minutes: number; kind: CaseSessionKind; notes: string };

/** Sessions (service records) and a form to add one while the case is in service or under review. */
export function SessionsTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddSession(file.id);
  const editable = canWrite && (file.status === "in_service" || file.status === "review");
  return (
    <>
      <Table<CaseSession>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.sessions}
        locale={{ emptyText: <Empty description={t("cases.empty.sessions")} /> }}
        columns={[
          { key: "date", title: t("cases.fields.date"), dataIndex: "date", width: 120 },
          { key: "kind", title: t("cases.fields.kind"), width: 100, render: (_value, session) => t(`cases.kind.${session.kind}`) },
          { key: "minutes", title: t("cases.fields.minutes"), dataIndex: "minutes", width: 110 },
          { key: "notes", title: t("cases.fields.notes"), dataIndex: "notes" },
        ]}
      />
      {editable ? (
        <Form<SessionValues>
          name="case-session-form"
          form={form}
          layout="vertical"
          style={{ marginTop: 16, maxWidth: 560 }}
          initialValues={{ date: today(), minutes: 60, kind: "home_visit" }}
          onFinish={(values) =>
            add.mutate(
              { date: values.date, minutes: values.minutes, kind: values.kind, notes: values.notes.trim() },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["date", "minutes", "kind", "notes"]),
              },
            )
          }
        >
          <MutationError error={add.error} />
          <Flex gap={16} wrap>
            <Form.Item name="date" label={t("cases.fields.date")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <Input type="date" max={today()} />
            </Form.Item>
            <Form.Item name="minutes" label={t("cases.fields.minutes")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <InputNumber min={1} max={1440} precision={0} />
            </Form.Item>
            <Form.Item name="kind" label={t("cases.fields.kind")}>
              <Select
                style={{ width: 140 }}
                options={CaseSessionKindSchema.options.map((value) => ({ value, label: t(`cases.kind.${value}`) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="notes"
            label={t("cases.fields.notes")}
            rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
          >
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addSession")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

type ReviewValues = { date: string; progress: string; decision: CaseReviewDecision };

/** Reviews and a form to add one at the review stage ("continue" sends the case back to service). */
export function ReviewsTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  const add = useAddReview(file.id);
  const editable = canWrite && file.status === "review";
  return (
    <>
      <Table<CaseReview>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.reviews}
        locale={{ emptyText: <Empty description={t("cases.empty.reviews")} /> }}
        columns={[
          { key: "date", title: t("cases.fields.date"), dataIndex: "date", width: 120 },
          {
            key: "decision",
            title: t("cases.fields.decision"),
            width: 110,
            render: (_value, review) => t(`cases.decision.${review.decision}`),
          },
          { key: "progress", title: t("cases.fields.progress"), dataIndex: "progress" },
        ]}
      />
      {editable ? (
        <Form<ReviewValues>
          name="case-review-form"
          form={form}
          layout="vertical"
          style={{ marginTop: 16, maxWidth: 560 }}
          initialValues={{ date: today(), decision: "continue" }}
          onFinish={(values) =>
            add.mutate(
              { date: values.date, progress: values.progress.trim(), decision: values.decision },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["date", "progress", "decision"]),
              },
            )
          }
        >
          <MutationError error={add.error} />
          <Flex gap={16} wrap>
            <Form.Item name="date" label={t("cases.fields.date")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <Input type="date" max={today()} />
            </Form.Item>
            <Form.Item name="decision" label={t("cases.fields.decision")}>
              <Select
                style={{ width: 140 }}
                options={CaseReviewDecisionSchema.options.map((value) => ({ value, label: t(`cases.decision.${value}`) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="progress"
            label={t("cases.fields.progress")}
            rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
          >
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addReview")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

type CloseValues = { closing_summary: string; reason?: string };

/** The closing summary, or the closing form at the review stage (a reason is needed while goals are open). */
export function ClosingTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseCase(file.id);
  const openGoals = file.goals.filter((goal) => goal.status === "open").length;
  if (file.status === "closed") {
    return (
      <Descriptions column={1} bordered size="small" title={t("cases.closing.closedOn", { date: file.closed_on ?? "" })}>
        <Descriptions.Item label={t("cases.fields.closingSummary")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{file.closing_summary ?? "—"}</Typography.Paragraph>
        </Descriptions.Item>
        {file.closing_reason ? <Descriptions.Item label={t("cases.fields.reason")}>{file.closing_reason}</Descriptions.Item> : null}
      </Descriptions>
    );
  }
  if (file.status !== "review" || !canWrite) {
    return <Alert type="info" showIcon title={t("cases.closing.notYet")} />;
  }
  return (
    <Form<CloseValues>
      name="case-close-form"
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={(values) =>
        close.mutate(
          {
            version: file.version,
            closing_summary: values.closing_summary.trim(),
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          },
          { onError: (error) => showFieldErrors(form, error, ["closing_summary", "reason"]) },
        )
      }
    >
      <MutationError error={close.error} />
      {openGoals > 0 ? (
        <Alert type="warning" showIcon title={t("cases.form.openGoalsHint", { count: openGoals })} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item
        name="closing_summary"
        label={t("cases.fields.closingSummary")}
        rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
      >
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
      {openGoals > 0 ? (
        <Form.Item
          name="reason"
          label={t("cases.fields.reason")}
          rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      <Button type="primary" danger htmlType="submit" loading={close.isPending}>
        {t("cases.form.close")}
      </Button>
    </Form>
  );
}
