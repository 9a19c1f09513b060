import type { PlanDetail, PlanTarget } from "@sanshe/contracts/leadership";
import { Alert, Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Select, Spin, Table, Tag, Timeline, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { FormDrawer } from "../../../ui/FormDrawer";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { formatDateTime } from "../../../ui/formatDateTime";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useAddTarget, usePlan, useProgressHistory, useReportProgress, useUpdatePlan } from "../api";
import { formatTargetValue, TargetProgress, TargetStatusTag } from "../components/TargetStatusTag";

/** A plan: its targets against their current values (computed or reported), progress, status, owner and due date. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const query = usePlan(id);
  const publish = useUpdatePlan();
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<PlanTarget | null>(null);
  if (query.isPending) {
    return <Spin />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} />;
  }
  const plan = query.data;
  return (
    <>
      <PageHeader
        title={plan.title}
        subtitle={`${plan.area_name} · ${plan.year} · ${t(`leadership.planStatus.${plan.status}`)}`}
        extra={
          <Flex gap={8}>
            <Button href={`/plans/${plan.id}/print`} target="_blank">
              {t("leadership.plan.print")}
            </Button>
            {plan.can_manage && plan.status === "draft" ? (
              <Button
                loading={publish.isPending}
                onClick={() => publish.mutate({ id: plan.id, body: { version: plan.version, status: "published" } })}
              >
                {t("leadership.plan.publish")}
              </Button>
            ) : null}
            {plan.can_manage ? (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t("leadership.target.add")}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {publish.isError ? <ProblemAlert error={publish.error} style={{ marginBottom: 16 }} /> : null}
      {plan.targets.length === 0 ? (
        <Empty description={plan.can_manage ? t("leadership.target.emptyManager") : t("leadership.target.empty")} />
      ) : (
        <TargetsTable plan={plan} onReport={setReporting} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("leadership.plan.asOf", { time: formatDateTime(plan.as_of) })}
      </Typography.Paragraph>
      {adding ? <TargetDrawer planId={plan.id} onClose={() => setAdding(false)} /> : null}
      {reporting ? <ReportDrawer target={reporting} onClose={() => setReporting(null)} /> : null}
    </>
  );
}

/** The comparison as a sign before the target value: ≤ 30%, ≥ 2‰. */
export function targetLabel(target: PlanTarget): string {
  return `${target.comparison === "at_most" ? "≤" : "≥"} ${formatTargetValue(target.target_value, target.unit)}`;
}

function TargetsTable({ plan, onReport }: { plan: PlanDetail; onReport: (target: PlanTarget) => void }) {
  const { t } = useTranslation();
  return (
    <Table<PlanTarget>
      rowKey="id"
      pagination={false}
      dataSource={plan.targets}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t("leadership.target.title"),
          dataIndex: "title",
          render: (title: string, target) => (
            <>
              <div>{title}</div>
              <Typography.Text type="secondary">{t(`leadership.indicator.${target.indicator}`)}</Typography.Text>
            </>
          ),
        },
        { title: t("leadership.target.target"), key: "target", width: 100, render: (_, target) => targetLabel(target) },
        {
          title: t("leadership.target.current"),
          key: "current",
          width: 120,
          render: (_, target) => (
            <>
              <div>{formatTargetValue(target.current_value, target.unit)}</div>
              <Typography.Text type="secondary">{t(`leadership.source.${target.source}`)}</Typography.Text>
            </>
          ),
        },
        { title: t("leadership.target.progress"), key: "progress", width: 160, render: (_, target) => <TargetProgress target={target} /> },
        {
          title: t("leadership.target.status"),
          key: "status",
          width: 110,
          render: (_, target) => (
            <Flex vertical gap={4} align="flex-start">
              <TargetStatusTag target={target} />
              {target.escalated_at ? <Tag color="volcano">{t("leadership.target.escalated")}</Tag> : null}
            </Flex>
          ),
        },
        { title: t("leadership.target.owner"), dataIndex: "owner_name", width: 160 },
        {
          title: t("leadership.target.dueOn"),
          dataIndex: "due_on",
          width: 110,
          render: (dueOn: string, target) => (
            <Typography.Text type={target.status === "overdue" ? "danger" : undefined}>{dueOn}</Typography.Text>
          ),
        },
        {
          title: "",
          key: "actions",
          width: 110,
          render: (_, target) =>
            target.can_report ? (
              <Button size="small" onClick={() => onReport(target)}>
                {t("leadership.target.report")}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

type TargetValues = {
  title: string;
  indicator: PlanTarget["indicator"];
  target_value: number;
  comparison?: PlanTarget["comparison"];
  owner_name: string;
  due_on: Dayjs;
};
const indicators = ["administrative_share_max", "social_workers_per_1000", "standard_facilities_rate", "manual"] as const;

function TargetDrawer({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TargetValues>();
  const add = useAddTarget();
  const idempotency = useIdempotencyKey();
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t("leadership.target.add")}
      size={520}
      cancelLabel={t("leadership.common.cancel")}
      submitLabel={t("leadership.common.save")}
      isSubmitting={add.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<TargetValues>
        form={form}
        layout="vertical"
        name="target"
        initialValues={{ indicator: "manual" }}
        onFinish={(values) => {
          const body = {
            title: values.title,
            indicator: values.indicator,
            target_value: values.target_value,
            ...(values.comparison ? { comparison: values.comparison } : {}),
            owner_name: values.owner_name,
            owner_department_id: null,
            owner_user_id: null,
            due_on: values.due_on.format("YYYY-MM-DD"),
          };
          add.mutate(
            { planId, body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: onClose,
              onError: (error) =>
                showFieldErrors(form, error, ["title", "indicator", "target_value", "comparison", "owner_name", "due_on"]),
            },
          );
        }}
      >
        <Form.Item name="title" label={t("leadership.target.title")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="indicator"
          label={t("leadership.target.indicator")}
          extra={t("leadership.target.indicatorHelp")}
          rules={[{ required: true }]}
        >
          <Select options={indicators.map((value) => ({ value, label: t(`leadership.indicator.${value}`) }))} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="comparison" label={t("leadership.target.comparison")} style={{ flex: 1 }}>
            <Select
              allowClear
              placeholder={t("leadership.target.comparisonDefault")}
              options={[
                { value: "at_most", label: t("leadership.comparison.at_most") },
                { value: "at_least", label: t("leadership.comparison.at_least") },
              ]}
            />
          </Form.Item>
          <Form.Item name="target_value" label={t("leadership.target.target")} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={0} max={1_000_000} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item name="owner_name" label={t("leadership.target.owner")} rules={[{ required: true, max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="due_on" label={t("leadership.target.dueOn")} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {add.isError ? <ProblemAlert error={add.error} /> : null}
      </Form>
    </FormDrawer>
  );
}

type ReportValues = { value: number; note?: string };

function ReportDrawer({ target, onClose }: { target: PlanTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const report = useReportProgress();
  const history = useProgressHistory(target.id);
  const idempotency = useIdempotencyKey();
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t("leadership.target.reportTitle", { title: target.title })}
      size={520}
      cancelLabel={t("leadership.common.cancel")}
      submitLabel={t("leadership.target.report")}
      isSubmitting={report.isPending}
      onSubmit={() => form.submit()}
    >
      <Alert type="info" title={t("leadership.target.reportHelp", { target: targetLabel(target) })} style={{ marginBottom: 16 }} />
      <Form<ReportValues>
        form={form}
        layout="vertical"
        name="progress-report"
        onFinish={(values) => {
          const body = { value: values.value, note: values.note?.trim() || null };
          report.mutate(
            { targetId: target.id, body, idempotencyKey: idempotency.keyFor(body) },
            { onSuccess: onClose, onError: (error) => showFieldErrors(form, error, ["value", "note"]) },
          );
        }}
      >
        <Form.Item name="value" label={t("leadership.report.value")} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="note" label={t("leadership.report.note")} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {report.isError ? <ProblemAlert error={report.error} /> : null}
      </Form>
      <Typography.Title level={5}>{t("leadership.report.history")}</Typography.Title>
      {history.data?.items.length ? (
        <Timeline
          items={history.data.items.map((item) => ({
            key: item.id,
            content: (
              <>
                <strong>{formatTargetValue(item.value, target.unit)}</strong> · {item.reported_by_name} · {formatDateTime(item.reported_at)}
                {item.note ? <div>{item.note}</div> : null}
              </>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">{t("leadership.report.none")}</Typography.Text>
      )}
    </FormDrawer>
  );
}
