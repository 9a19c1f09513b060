import type { LedgerStructure } from "@sanshe/contracts";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { Card, Col, Empty, Form, Row, Select, Statistic } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../auth";
import { PageHeader } from "../../../../ui/PageHeader";
import { QueryResult } from "../../../../ui/QueryResult";
import { SummaryTable } from "../../../../ui/SummaryTable";
import { barChartOption, ChartFigure } from "../../../../ui/barChart";
import { formatFen } from "../../money";
import { useLedgerStructure } from "../api";
import { sourceColors } from "../components/LedgerChart";

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Figure 3-4: communities' money in by source, with shares. */
function CommunitySourcesFigure({ structure }: { structure: LedgerStructure }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}: {d}%" },
      legend: { bottom: 0 },
      series: [
        {
          type: "pie",
          radius: ["35%", "65%"],
          label: { formatter: "{b}\n{d}%" },
          data: structure.community_sources.map((row) => ({
            name: t(`contracts.ledger.sources.${row.source}`),
            value: row.amount_fen / 100,
            itemStyle: { color: sourceColors[row.source] },
          })),
        },
      ],
    }),
    [structure, t],
  );
  if (structure.community_sources.length === 0) {
    return <Empty description={t("contracts.structure.noCommunityFunding")} />;
  }
  return (
    <>
      <ChartFigure option={option} label={t("contracts.structure.figure34")} height={320} />
      <SummaryTable
        rowKey="source"
        dataSource={structure.community_sources}
        columns={[
          { key: "source", title: t("contracts.ledger.source"), render: (_v, row) => t(`contracts.ledger.sources.${row.source}`) },
          { key: "amount", title: t("contracts.ledger.amount"), align: "right", render: (_v, row) => formatFen(row.amount_fen) },
          { key: "share", title: t("contracts.structure.share"), align: "right", render: (_v, row) => percent(row.share) },
        ]}
      />
    </>
  );
}

/** Figure 3-5: organizations by main source of funds (counted as organizations). */
function OrganizationSourcesFigure({ structure }: { structure: LedgerStructure }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = structure.organizations_by_main_source;
    return barChartOption({
      categories: rows.map((row) => t(`contracts.ledger.sources.${row.source}`)),
      axisLabel: { interval: 0, rotate: 30 },
      valueAxis: { minInterval: 1 },
      bottom: 64,
      series: [
        {
          name: t("contracts.structure.fromLedger"),
          color: "#1677ff",
          stack: "orgs",
          data: rows.map((row) => row.organizations - row.declared),
        },
        { name: t("contracts.structure.declared"), color: "#bfbfbf", stack: "orgs", data: rows.map((row) => row.declared) },
      ],
    });
  }, [structure, t]);
  if (structure.organizations === 0) {
    return <Empty description={t("contracts.structure.noOrganizations")} />;
  }
  return (
    <>
      <ChartFigure option={option} label={t("contracts.structure.figure35")} height={320} />
      <SummaryTable
        rowKey="source"
        dataSource={structure.organizations_by_main_source}
        columns={[
          { key: "source", title: t("contracts.structure.mainSource"), render: (_v, row) => t(`contracts.ledger.sources.${row.source}`) },
          { key: "count", title: t("contracts.structure.organizations"), align: "right", dataIndex: "organizations" },
          {
            key: "share",
            title: t("contracts.structure.share"),
            align: "right",
            render: (_v, row) => percent(row.organizations / structure.organizations),
          },
          { key: "declared", title: t("contracts.structure.declared"), align: "right", dataIndex: "declared" },
        ]}
      />
    </>
  );
}

/** 资金结构: figures 3-4 and 3-5 of the report for an area and a year (officials and community staff). */
export function FundingStructurePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const areas = (me?.memberships ?? []).filter((m) => m.role === "official" || m.role === "community_staff");
  const [area, setArea] = useState<string | undefined>(undefined);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const chosen = area ?? areas[0]?.area_code;
  const structure = useLedgerStructure(chosen, year);
  return (
    <>
      <PageHeader title={t("contracts.structure.title")} subtitle={t("contracts.structure.subtitle")} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        {areas.length > 1 ? (
          <Form.Item label={t("contracts.structure.area")}>
            <Select
              aria-label={t("contracts.structure.area")}
              style={{ width: 200 }}
              value={chosen}
              onChange={setArea}
              options={areas.map((m) => ({ value: m.area_code, label: m.area_name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t("contracts.ledger.year")}>
          <Select
            aria-label={t("contracts.ledger.year")}
            style={{ width: 100 }}
            value={year}
            onChange={setYear}
            options={Array.from({ length: 6 }, (_v, index) => thisYear - index).map((value) => ({ value, label: String(value) }))}
          />
        </Form.Item>
      </Form>
      {chosen ? (
        <QueryResult query={structure}>
          {(data) => (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={t("contracts.structure.figure34")}>
                  <Statistic
                    title={t("contracts.structure.communityIn")}
                    value={data.community_in_fen}
                    formatter={() => formatFen(data.community_in_fen)}
                    style={{ marginBottom: 8 }}
                  />
                  <CommunitySourcesFigure structure={data} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={t("contracts.structure.figure35")}>
                  <Statistic title={t("contracts.structure.organizations")} value={data.organizations} style={{ marginBottom: 8 }} />
                  <OrganizationSourcesFigure structure={data} />
                </Card>
              </Col>
            </Row>
          )}
        </QueryResult>
      ) : (
        <Empty description={t("contracts.structure.noArea")} />
      )}
    </>
  );
}
