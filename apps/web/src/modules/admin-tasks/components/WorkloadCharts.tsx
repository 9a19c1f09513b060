import type { Workload } from "@sanshe/contracts/admin-tasks";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { barChartOption, ChartFigure } from "../../../ui/barChart";
import { shareBandLabel } from "../format";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ADMINISTRATIVE = "#cf1322";
const SERVICE = "#389e0d";
const SHARE = "#0958d9";

/** By month: administrative and service hours as bars, the administrative share as a line on its own axis. */
export function TrendChart({ workload }: { workload: Workload }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const months = workload.by_month;
    return {
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 40, right: 48, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: months.map((row) => row.month) },
      yAxis: [
        { type: "value", name: t("adminTasks.workload.hoursAxis") },
        { type: "value", name: "%", min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        {
          type: "bar",
          name: t("adminTasks.workload.administrativeHours"),
          itemStyle: { color: ADMINISTRATIVE },
          data: months.map((row) => Math.round(row.administrative_hours * 10) / 10),
        },
        {
          type: "bar",
          name: t("adminTasks.workload.serviceHours"),
          itemStyle: { color: SERVICE },
          data: months.map((row) => Math.round(row.service_hours * 10) / 10),
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: t("adminTasks.workload.share"),
          itemStyle: { color: SHARE },
          data: months.map((row) => Math.round(row.administrative_share * 1000) / 10),
        },
      ],
    };
  }, [workload, t]);
  return <ChartFigure option={option} label={t("adminTasks.workload.trend")} height={320} />;
}

/** Figure 3-1: how many communities fall in each tenth of administrative share. */
export function ShareHistogram({ workload }: { workload: Workload }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barChartOption({
        categories: workload.histogram.map((band) => shareBandLabel(band)),
        axisLabel: { interval: 0, rotate: 30 },
        valueAxis: { minInterval: 1 },
        bottom: 40,
        legend: false,
        series: [
          { name: t("adminTasks.workload.histogramAxis"), color: ADMINISTRATIVE, data: workload.histogram.map((band) => band.communities) },
        ],
      }),
    [workload, t],
  );
  return <ChartFigure option={option} label={t("adminTasks.workload.histogram")} height={300} />;
}
