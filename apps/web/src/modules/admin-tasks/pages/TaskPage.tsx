import { ArrowLeftOutlined } from "@ant-design/icons";
import type { AdminTaskDecisionKind, AdminTaskDetail, AdminTaskTarget } from "@sanshe/contracts/admin-tasks";
import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryResult } from "../../../ui/QueryResult";
import { SummaryTable } from "../../../ui/SummaryTable";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useHasPermission } from "../../auth";
import { useAdminTask, useWithdrawTask } from "../api";
import { DecisionModal } from "../components/DecisionModal";
import { ResubmitModal } from "../components/ResubmitModal";
import { TargetStatusTag, TaskStatusTag } from "../components/StatusTags";
import { TakeBackModal } from "../components/TakeBackModal";
import { useConflictNotice } from "../components/useConflictNotice";
import { activeTargets, DANGER_TEXT, formatFen, formatHours, isDecisionOverdue, shanghaiToday } from "../format";

/** One administrative task: its terms, the decision, its target communities and the money, with the actions the user may take. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const task = useAdminTask(id);

  if (task.isError && isProblem(task.error) && task.error.status === 404) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t("adminTasks.detail.notFound")}
        extra={
          <Link to="/admin-tasks">
            <Button type="primary">{t("adminTasks.detail.back")}</Button>
          </Link>
        }
      />
    );
  }
  return <QueryResult query={task}>{(data) => <TaskView task={data} />}</QueryResult>;
}

function TaskView({ task }: { task: AdminTaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canReview = useHasPermission("admin_tasks.review");
  const canApply = useHasPermission("admin_tasks.apply");
  const canReadLedger = useHasPermission("projects.read");
  const [decision, setDecision] = useState<AdminTaskDecisionKind | null>(null);
  const [isTakingBack, setIsTakingBack] = useState(false);
  const [isResubmitting, setIsResubmitting] = useState(false);
  const withdraw = useWithdrawTask(task.id);
  const withdrawKey = useIdempotencyKey();
  const onConflict = useConflictNotice();
  const today = shanghaiToday();
  const overdue = isDecisionOverdue(task, today);
  const canTakeBack = canReview && task.status === "admitted" && activeTargets(task.targets).length > 0;
  const canDecide = canReview && task.status === "submitted";
  const canResubmit = canApply && task.status === "returned";
  const canWithdraw = canApply && (task.status === "submitted" || task.status === "returned");

  const doWithdraw = () => {
    const body = { version: task.version };
    withdraw.mutate(
      { ...body, idempotencyKey: withdrawKey.keyFor(body) },
      {
        onSuccess: () => {
          withdrawKey.reset();
          void message.success(t("adminTasks.detail.withdrawn"));
        },
        onError: onConflict,
      },
    );
  };

  const actions = (
    <Space wrap className="sanshe-no-print">
      {canDecide ? (
        <>
          <Button type="primary" onClick={() => setDecision("admit")}>
            {t("adminTasks.decision.admit")}
          </Button>
          <Button danger onClick={() => setDecision("reject")}>
            {t("adminTasks.decision.reject")}
          </Button>
          <Button onClick={() => setDecision("return")}>{t("adminTasks.decision.return")}</Button>
        </>
      ) : null}
      {canTakeBack ? <Button onClick={() => setIsTakingBack(true)}>{t("adminTasks.detail.takeBack")}</Button> : null}
      {canResubmit ? (
        <Button type="primary" onClick={() => setIsResubmitting(true)}>
          {t("adminTasks.detail.resubmit")}
        </Button>
      ) : null}
      {canWithdraw ? (
        <Popconfirm
          title={t("adminTasks.detail.withdrawConfirm")}
          okText={t("adminTasks.detail.withdraw")}
          cancelText={t("adminTasks.common.cancel")}
          onConfirm={doWithdraw}
        >
          <Button danger loading={withdraw.isPending}>
            {t("adminTasks.detail.withdraw")}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );

  return (
    <>
      <Link to="/admin-tasks" className="sanshe-no-print">
        <ArrowLeftOutlined aria-hidden /> {t("adminTasks.detail.back")}
      </Link>
      <PageHeader
        title={task.title}
        subtitle={
          <Space wrap>
            <TaskStatusTag status={task.status} />
            <span>{task.department_name}</span>
            <span>{t(`adminTasks.kind.${task.kind}`)}</span>
          </Space>
        }
        extra={actions}
      />
      {withdraw.isError && !(isProblem(withdraw.error) && withdraw.error.status === 409) ? (
        <ProblemAlert error={withdraw.error} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex vertical gap={16}>
        <Card title={t("adminTasks.detail.overview")} size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: "department", label: t("adminTasks.field.department"), children: task.department_name },
              { key: "area", label: t("adminTasks.field.area"), children: task.area_name },
              { key: "kind", label: t("adminTasks.field.kind"), children: t(`adminTasks.kind.${task.kind}`) },
              { key: "frequency", label: t("adminTasks.field.frequency"), children: t(`adminTasks.frequency.${task.frequency}`) },
              { key: "legal", label: t("adminTasks.field.legalBasis"), children: task.legal_basis, span: "filled" },
              {
                key: "hours",
                label: t("adminTasks.field.hoursPerOccurrence"),
                children: formatHours(task.hours_per_occurrence),
              },
              { key: "staff", label: t("adminTasks.field.staffProvided"), children: task.staff_provided },
              {
                key: "funding",
                label: t("adminTasks.field.funding"),
                children: <span data-testid="task-funding">{formatFen(task.funding_fen_per_community)}</span>,
              },
              { key: "period", label: t("adminTasks.field.period"), children: `${task.starts_on} ~ ${task.ends_on}` },
              { key: "targets", label: t("adminTasks.field.targetCount"), children: task.target_count },
              { key: "created", label: t("adminTasks.field.createdAt"), children: formatDateTime(task.created_at) },
              ...(task.description
                ? [{ key: "description", label: t("adminTasks.field.description"), children: task.description, span: "filled" as const }]
                : []),
            ]}
          />
        </Card>
        <Card title={t("adminTasks.detail.decisionSection")} size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: "status", label: t("adminTasks.field.status"), children: <TaskStatusTag status={task.status} /> },
              {
                key: "due",
                label: t("adminTasks.field.decisionDue"),
                children: (
                  <Space size={4} wrap>
                    <Typography.Text style={overdue ? { color: DANGER_TEXT } : undefined}>
                      {task.decision_due_on}
                      {overdue ? ` ${t("adminTasks.tasks.overdue")}` : ""}
                    </Typography.Text>
                    {task.escalated_at ? <Tag color="red">{t("adminTasks.tasks.escalated")}</Tag> : null}
                  </Space>
                ),
              },
              {
                key: "reason",
                label: t("adminTasks.field.decisionReason"),
                children: task.decision_reason ?? t("adminTasks.detail.notDecided"),
                span: "filled",
              },
              ...(task.unfunded_exception
                ? [
                    {
                      key: "exception",
                      label: t("adminTasks.field.unfundedException"),
                      children: task.unfunded_exception,
                      span: "filled" as const,
                    },
                  ]
                : []),
              { key: "decidedBy", label: t("adminTasks.field.decidedBy"), children: task.decided_by_name ?? "—" },
              { key: "decidedAt", label: t("adminTasks.field.decidedAt"), children: formatDateTime(task.decided_at) },
              ...(task.escalated_at
                ? [{ key: "escalated", label: t("adminTasks.field.escalatedAt"), children: formatDateTime(task.escalated_at) }]
                : []),
              { key: "started", label: t("adminTasks.field.startedAt"), children: formatDateTime(task.started_at) },
              {
                key: "debt",
                label: t("adminTasks.field.debt"),
                children:
                  task.debt_fen > 0 ? (
                    <Typography.Text strong style={{ color: DANGER_TEXT }}>
                      {formatFen(task.debt_fen)}
                    </Typography.Text>
                  ) : (
                    t("adminTasks.detail.debtNone")
                  ),
              },
            ]}
          />
        </Card>
        <Card
          title={t("adminTasks.detail.targetsSection")}
          size="small"
          extra={
            canReadLedger ? (
              <Link to="/funding-ledger" className="sanshe-no-print">
                {t("adminTasks.detail.ledgerLink")}
              </Link>
            ) : null
          }
        >
          <SummaryTable<AdminTaskTarget>
            rowKey="area_code"
            dataSource={task.targets}
            scroll={{ x: 640 }}
            columns={[
              { key: "community", title: t("adminTasks.field.community"), dataIndex: "area_name" },
              { key: "status", title: t("adminTasks.field.status"), render: (_v, row) => <TargetStatusTag status={row.status} /> },
              {
                key: "assignee",
                title: t("adminTasks.field.takenBackTo"),
                render: (_v, row) =>
                  row.assignee_kind
                    ? `${t(`adminTasks.assignee.${row.assignee_kind}`)} · ${row.assignee_name ?? ""}${row.taken_back_at ? `（${formatDateTime(row.taken_back_at)}）` : ""}`
                    : "—",
              },
              {
                key: "credited",
                title: t("adminTasks.field.credited"),
                align: "right",
                render: (_v, row) => formatFen(row.credited_fen),
              },
            ]}
          />
        </Card>
      </Flex>
      <DecisionModal key={decision ?? "closed"} task={task} decision={decision} onClose={() => setDecision(null)} />
      <TakeBackModal task={task} open={isTakingBack} onClose={() => setIsTakingBack(false)} />
      <ResubmitModal task={task} open={isResubmitting} onClose={() => setIsResubmitting(false)} />
    </>
  );
}
