import type { FundingSource, LedgerSummary } from "@sanshe/contracts";
import { FundingSourceSchema } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const sourceColors: Record<FundingSource, string> = {
  gov_purchase: "#1677ff",
  gov_subsidy: "#13c2c2",
  self_income: "#52c41a",
  donation: "#faad14",
  corporate: "#722ed1",
  resident: "#eb2f96",
  foundation: "#fa541c",
};

/** One ECharts instance bound to a div, re-rendered when the option changes and resized with the window and for print. */
export function useChart(option: echarts.EChartsCoreOption) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const chart = echarts.init(element.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    window.addEventListener("beforeprint", resize);
    return () => {
      window.removeEventListener("resize", resize);
      window.removeEventListener("beforeprint", resize);
      chart.dispose();
    };
  }, [option]);
  return element;
}

/** Funding by year, stacked by source (元). */
export function LedgerChart({ summary }: { summary: LedgerSummary }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const years = [...new Set(summary.rows.map((row) => row.year))].sort((a, b) => a - b);
    const sources = FundingSourceSchema.options.filter((source) => summary.rows.some((row) => row.source === source));
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: years.map(String) },
      yAxis: { type: "value", name: t("contracts.ledger.yuan") },
      series: sources.map((source) => ({
        type: "bar",
        stack: "funding",
        name: t(`socialOrgs.funding.${source}`),
        itemStyle: { color: sourceColors[source] },
        data: years.map((year) => (summary.rows.find((row) => row.year === year && row.source === source)?.amount_fen ?? 0) / 100),
      })),
    };
  }, [summary, t]);
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={t("contracts.ledger.chart")} style={{ height: 300, width: "100%" }} />;
}
