import type { LedgerSource, LedgerSummary } from "@sanshe/contracts";
import { LedgerSourceSchema } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { barChartOption, ChartFigure } from "../../../../ui/barChart";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const sourceColors: Record<LedgerSource, string> = {
  gov_purchase: "#1677ff",
  gov_subsidy: "#13c2c2",
  task_funding: "#2f54eb",
  self_income: "#52c41a",
  donation: "#faad14",
  corporate: "#722ed1",
  resident: "#eb2f96",
  foundation: "#fa541c",
};

/** Funding by year, stacked by source (元). */
export function LedgerChart({ summary }: { summary: LedgerSummary }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const years = [...new Set(summary.rows.map((row) => row.year))].sort((a, b) => a - b);
    const sources = LedgerSourceSchema.options.filter((source) => summary.rows.some((row) => row.source === source));
    return barChartOption({
      categories: years.map(String),
      valueAxis: { name: t("contracts.ledger.yuan") },
      bottom: 48,
      series: sources.map((source) => ({
        stack: "funding",
        name: t(`contracts.ledger.sources.${source}`),
        color: sourceColors[source],
        data: years.map((year) => (summary.rows.find((row) => row.year === year && row.source === source)?.amount_fen ?? 0) / 100),
      })),
    });
  }, [summary, t]);
  return <ChartFigure option={option} label={t("contracts.ledger.chart")} height={300} />;
}
