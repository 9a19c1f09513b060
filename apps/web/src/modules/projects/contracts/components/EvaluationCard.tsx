import { PrinterOutlined } from "@ant-design/icons";
import type { ContractDetail, ProjectEvaluation } from "@sanshe/contracts";
import { App, Button, Card, Descriptions, Divider, Empty, Form, Input, InputNumber, Skeleton, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../../ui/api";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useEvaluation, usePurchaserEvaluation, useThirdPartyEvaluation } from "../api";
import { useProjectRoles } from "../hooks";
import { evaluationParts, formatScore as score } from "./evaluationParts";
import { GradeTag } from "./StatusTags";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** The purchaser's score and comment. */
function PurchaserForm({ contractId, evaluation }: { contractId: string; evaluation: ProjectEvaluation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = usePurchaserEvaluation(contractId);
  return (
    <Form
      layout="vertical"
      name="evaluation-purchaser"
      className="sanshe-no-print"
      disabled={save.isPending}
      onFinish={(values: { score: number; comment: string }) =>
        save.mutate(
          { score: values.score, comment: values.comment.trim(), version: evaluation.version },
          { onSuccess: () => void message.success(t("contracts.evaluation.saved")) },
        )
      }
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t("contracts.evaluation.purchaserForm")}
      </Typography.Title>
      <ScoreFieldsAndSubmit
        commentMax={2000}
        error={save.error}
        isSaving={save.isPending}
        submitLabel={t("contracts.evaluation.submitPurchaser")}
      />
    </Form>
  );
}

/** The third-party evaluator: the achieved value of each KPI, a score and a comment. */
function ThirdPartyForm({ contract, evaluation }: { contract: ContractDetail; evaluation: ProjectEvaluation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useThirdPartyEvaluation(contract.id);
  type Values = { achieved: Record<string, number>; score: number; comment: string };
  return (
    <Form<Values>
      layout="vertical"
      name="evaluation-third-party"
      className="sanshe-no-print"
      disabled={save.isPending}
      onFinish={(values) =>
        save.mutate(
          {
            kpi_results: contract.kpis.map((kpi, index) => ({ name: kpi.name, achieved: values.achieved[String(index)] ?? 0 })),
            score: values.score,
            comment: values.comment.trim(),
            version: evaluation.version,
          },
          { onSuccess: () => void message.success(t("contracts.evaluation.saved")) },
        )
      }
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t("contracts.evaluation.thirdPartyForm")}
      </Typography.Title>
      {contract.kpis.map((kpi, index) => (
        <Form.Item
          key={kpi.name}
          name={["achieved", String(index)]}
          label={t("contracts.evaluation.achievedOf", { name: kpi.name, target: kpi.target, unit: kpi.unit })}
          rules={[{ required: true, type: "number", min: 0 }]}
        >
          <InputNumber min={0} style={{ width: 200 }} suffix={kpi.unit} />
        </Form.Item>
      ))}
      <ScoreFieldsAndSubmit
        commentMax={4000}
        error={save.error}
        isSaving={save.isPending}
        submitLabel={t("contracts.evaluation.submitThirdParty")}
      />
    </Form>
  );
}

/** 结项评估: weights, each party's part, KPI results, total and grade; the forms of whoever still has to score. */
export function EvaluationCard({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const { managesArea, userId } = useProjectRoles();
  const isPurchaser = managesArea(contract.area_code);
  const hasEvaluation = contract.status !== "active";
  const query = useEvaluation(contract.id, hasEvaluation);

  if (!hasEvaluation) {
    return (
      <Card title={t("contracts.evaluation.title")} style={{ marginBottom: 16 }}>
        <Empty description={t("contracts.evaluation.notYet")} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card title={t("contracts.evaluation.title")} style={{ marginBottom: 16 }}>
        <ProblemAlert error={query.error} />
      </Card>
    );
  }
  if (!query.data) {
    return (
      <Card title={t("contracts.evaluation.title")} style={{ marginBottom: 16 }}>
        <Skeleton active />
      </Card>
    );
  }
  const evaluation = query.data;
  const done = evaluation.completed_at !== null;
  const parts = evaluationParts(evaluation);
  const reweighted = parts.some((part) => part.weight !== part.base);

  return (
    <Card
      title={t("contracts.evaluation.title")}
      style={{ marginBottom: 16 }}
      data-testid="evaluation"
      extra={
        <Button className="sanshe-no-print" icon={<PrinterOutlined />} href={`/contracts/${contract.id}/evaluation/print`} target="_blank">
          {t("contracts.print.openEvaluation")}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "evaluator", label: t("contracts.evaluation.evaluator"), children: evaluation.evaluator.display_name },
          {
            key: "completed",
            label: t("contracts.evaluation.completedAt"),
            children: evaluation.completed_at ? formatDateTime(evaluation.completed_at) : t("contracts.evaluation.inProgress"),
          },
        ]}
      />
      <SummaryTable
        style={{ marginTop: 12 }}
        rowKey="part"
        dataSource={parts}
        columns={[
          { key: "part", title: t("contracts.evaluation.part"), render: (_v, row) => t(`contracts.evaluation.parts.${row.part}`) },
          {
            key: "weight",
            title: t("contracts.evaluation.weight"),
            render: (_v, row) =>
              row.weight === row.base
                ? `${row.weight}%`
                : `${row.weight.toFixed(2)}%（${t("contracts.evaluation.callWeight", { weight: row.base })}）`,
          },
          { key: "score", title: t("contracts.evaluation.score"), render: (_v, row) => score(row.score) },
          {
            key: "note",
            title: t("contracts.evaluation.comment"),
            render: (_v, row) =>
              row.ratings === undefined ? (row.comment ?? "—") : t("contracts.evaluation.ratings", { count: row.ratings }),
          },
        ]}
      />
      {reweighted ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("contracts.evaluation.reweighted")}
        </Typography.Paragraph>
      ) : null}
      {evaluation.kpi_results ? (
        <SummaryTable
          style={{ marginTop: 12 }}
          rowKey="name"
          dataSource={evaluation.kpi_results}
          columns={[
            { key: "name", title: t("contracts.fields.kpiName"), dataIndex: "name" },
            { key: "target", title: t("contracts.fields.kpiTarget"), render: (_v, row) => `${row.target} ${row.unit}` },
            { key: "achieved", title: t("contracts.evaluation.achieved"), render: (_v, row) => `${row.achieved} ${row.unit}` },
          ]}
        />
      ) : null}
      <Divider />
      <div style={{ display: "flex", gap: 48, flexWrap: "wrap", alignItems: "center" }}>
        <Statistic
          title={t("contracts.evaluation.total")}
          value={evaluation.total_score ?? 0}
          formatter={() => score(evaluation.total_score)}
        />
        <div>
          <Typography.Text type="secondary">{t("contracts.evaluation.grade")}</Typography.Text>
          <div data-testid="evaluation-grade" style={{ marginTop: 4 }}>
            <GradeTag grade={evaluation.grade} />
          </div>
        </div>
      </div>
      {!done && isPurchaser && evaluation.purchaser_score === null && contract.status !== "active" ? (
        <>
          <Divider />
          <PurchaserForm contractId={contract.id} evaluation={evaluation} />
        </>
      ) : null}
      {!done && evaluation.evaluator.id === userId && evaluation.third_party_score === null ? (
        <>
          <Divider />
          <ThirdPartyForm contract={contract} evaluation={evaluation} />
        </>
      ) : null}
    </Card>
  );
}

type ScoreFieldsAndSubmitProps = { commentMax: number; error: unknown; isSaving: boolean; submitLabel: string };

/** The score and comment of an evaluation form, the save's problem (a conflict says so) and the submit button. */
function ScoreFieldsAndSubmit({ commentMax, error, isSaving, submitLabel }: ScoreFieldsAndSubmitProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="score" label={t("contracts.evaluation.score")} rules={[{ required: true, type: "number", min: 0, max: 100 }]}>
        <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="comment" label={t("contracts.evaluation.comment")} rules={[{ required: true, whitespace: true, max: commentMax }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {error ? (
        <ProblemAlert
          error={error}
          title={isProblem(error, "VERSION_CONFLICT") ? t("contracts.conflict") : undefined}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {submitLabel}
      </Button>
    </>
  );
}
