import type { ProjectIndicators } from "@sanshe/contracts";
import { Button, Card, Col, Row, Skeleton, Spin, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { formatFen } from "../../money";
import { useProjectIndicators } from "../api";
import { FundingStructureChart, GradeChart, MoneyByModeChart } from "../components/IndicatorCharts";
import { SummaryTable } from "../../../../ui/SummaryTable";
import { PrintButton } from "../components/PrintButton";

type Child = ProjectIndicators["children"][number];

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

function Kpi({ title, value, hint }: { title: string; value: ReactNode; hint?: string }) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Statistic title={title} value={0} formatter={() => value} />
      {hint ? <Typography.Text type="secondary">{hint}</Typography.Text> : null}
    </Card>
  );
}

/** 项目指标: calls and money by mode, participation, funding structure, grades and on-time milestones of a jurisdiction. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  /** A right-aligned column of one money indicator (元). */
  const moneyColumn = <Part extends "budget_fen" | "contracted_fen" | "paid_fen">(key: string, part: Part) => ({
    key,
    title: t(`contracts.indicators.money.${part}`),
    align: "right" as const,
    render: (_v: unknown, row: Record<Part, number>) => formatFen(row[part]),
  });
  const [params, setParams] = useSearchParams();
  const areaParam = params.get("area");
  const area = areaParam && /^\d+$/.test(areaParam) ? areaParam : undefined;
  const query = useProjectIndicators(area);
  const data = query.data;
  const goTo = (code: string | undefined) => setParams(code ? { area: code } : {});

  return (
    <>
      <PageHeader
        title={data ? t("contracts.indicators.titleOf", { name: data.area.name }) : t("contracts.indicators.title")}
        subtitle={
          data ? t("contracts.indicators.generated", { at: formatDateTime(data.generated_at) }) : t("contracts.indicators.subtitle")
        }
        extra={
          <>
            {area ? (
              <Button className="sanshe-no-print" onClick={() => goTo(undefined)}>
                {t("contracts.indicators.mine")}
              </Button>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <ProblemAlert error={query.error} style={{ marginBottom: 12 }} />
      {!data && !query.error ? <Skeleton active /> : null}
      {data ? (
        <Spin spinning={query.isFetching}>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={6}>
              <Kpi title={t("contracts.indicators.calls")} value={data.totals.calls} />
            </Col>
            <Col xs={12} lg={6}>
              <Kpi
                title={t("contracts.indicators.money.contracted_fen")}
                value={formatFen(data.totals.contracted_fen)}
                hint={`${t("contracts.indicators.money.paid_fen")} ${formatFen(data.totals.paid_fen)}`}
              />
            </Col>
            <Col xs={12} lg={6}>
              <Kpi
                title={t("contracts.indicators.participation")}
                value={percent(data.org_participation.share)}
                hint={t("contracts.indicators.participationHint", {
                  with: data.org_participation.with_contract,
                  all: data.org_participation.active_orgs,
                })}
              />
            </Col>
            <Col xs={12} lg={6}>
              <Kpi
                title={t("contracts.indicators.onTime")}
                value={percent(data.milestones.share)}
                hint={t("contracts.indicators.onTimeHint", { on: data.milestones.on_time, due: data.milestones.due })}
              />
            </Col>
            <Col xs={12} lg={6}>
              <Kpi
                title={t("contracts.indicators.averageScore")}
                value={data.evaluations.average_score === null ? "—" : data.evaluations.average_score.toFixed(2)}
                hint={t("contracts.indicators.evaluatedHint", { count: data.evaluations.evaluated })}
              />
            </Col>
            <Col xs={12} lg={6}>
              <Kpi title={t("contracts.indicators.money.budget_fen")} value={formatFen(data.totals.budget_fen)} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title={t("contracts.indicators.moneyChart")}>
                <MoneyByModeChart data={data} />
                <SummaryTable
                  rowKey="mode"
                  dataSource={data.by_mode}
                  columns={[
                    { key: "mode", title: t("contracts.indicators.mode"), render: (_v, row) => t(`contracts.mode.${row.mode}`) },
                    { key: "calls", title: t("contracts.indicators.calls"), dataIndex: "calls" },
                    moneyColumn("budget", "budget_fen"),
                    moneyColumn("contracted", "contracted_fen"),
                    moneyColumn("paid", "paid_fen"),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t("contracts.indicators.gradeChart")} style={{ marginBottom: 16 }}>
                <GradeChart data={data} />
              </Card>
              <Card title={t("contracts.indicators.fundingChart")}>
                <FundingStructureChart data={data} />
                <SummaryTable
                  rowKey="source"
                  dataSource={data.funding_by_source}
                  columns={[
                    { key: "source", title: t("contracts.ledger.source"), render: (_v, row) => t(`socialOrgs.funding.${row.source}`) },
                    { key: "amount", title: t("contracts.ledger.amount"), align: "right", render: (_v, row) => formatFen(row.amount_fen) },
                    { key: "share", title: t("contracts.indicators.share"), align: "right", render: (_v, row) => percent(row.share) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {data.children.length > 0 ? (
            <Card title={t("contracts.indicators.children")} style={{ marginTop: 16 }}>
              <SummaryTable<Child>
                rowKey="code"
                dataSource={data.children}
                columns={[
                  {
                    key: "name",
                    title: t("contracts.indicators.area"),
                    render: (_v, row) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => goTo(row.code)}>
                        {row.name}
                      </Button>
                    ),
                  },
                  { key: "calls", title: t("contracts.indicators.calls"), dataIndex: "calls" },
                  moneyColumn("contracted", "contracted_fen"),
                  moneyColumn("paid", "paid_fen"),
                ]}
              />
            </Card>
          ) : null}
        </Spin>
      ) : null}
    </>
  );
}
