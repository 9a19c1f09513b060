import type { NeedStatus, NeedsDashboard } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useChart } from "../../../ui/useChart";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const openStatuses: NeedStatus[] = ["new", "routed", "accepted", "in_service", "done", "reopened"];
const statusColors: Record<NeedStatus, string> = {
  new: "#8c8c8c",
  routed: "#1677ff",
  accepted: "#13c2c2",
  in_service: "#52c41a",
  done: "#faad14",
  closed: "#389e0d",
  reopened: "#cf1322",
};

/** Open needs by category, stacked by status. */
export function CategoryChart({ board }: { board: NeedsDashboard }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const categories = board.by_category.filter((category) => category.open > 0);
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 64, containLabel: true },
      xAxis: { type: "category", data: categories.map((category) => category.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", minInterval: 1 },
      series: openStatuses.map((status) => ({
        type: "bar",
        stack: "open",
        name: t(`needs.status.${status}`),
        itemStyle: { color: statusColors[status] },
        data: categories.map((category) => category.statuses.find((entry) => entry.status === status)?.count ?? 0),
      })),
    };
  }, [board, t]);
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={t("needs.dashboard.categoryChart")} style={{ height: 300, width: "100%" }} />;
}

/** Needs by service tier: open and closed side by side. */
export function TierChart({ board }: { board: NeedsDashboard }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: board.by_tier.map((tier) => t(`needs.tier.${tier.tier}`)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { type: "bar", name: t("needs.dashboard.open"), itemStyle: { color: "#1677ff" }, data: board.by_tier.map((tier) => tier.open) },
        {
          type: "bar",
          name: t("needs.dashboard.closed"),
          itemStyle: { color: statusColors.closed },
          data: board.by_tier.map((tier) => tier.closed),
        },
      ],
    }),
    [board, t],
  );
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={t("needs.dashboard.tierChart")} style={{ height: 300, width: "100%" }} />;
}
