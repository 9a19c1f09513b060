import type { NeedStatus, NeedsDashboard } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { barChartOption, ChartFigure } from "../../../ui/barChart";

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
    return barChartOption({
      categories: categories.map((category) => category.name),
      axisLabel: { interval: 0, rotate: 30 },
      valueAxis: { minInterval: 1 },
      bottom: 64,
      series: openStatuses.map((status) => ({
        stack: "open",
        name: t(`needs.status.${status}`),
        color: statusColors[status],
        data: categories.map((category) => category.statuses.find((entry) => entry.status === status)?.count ?? 0),
      })),
    });
  }, [board, t]);
  return <ChartFigure option={option} label={t("needs.dashboard.categoryChart")} height={300} />;
}

/** Needs by service tier: open and closed side by side. */
export function TierChart({ board }: { board: NeedsDashboard }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barChartOption({
        categories: board.by_tier.map((tier) => t(`needs.tier.${tier.tier}`)),
        valueAxis: { minInterval: 1 },
        bottom: 48,
        series: [
          { name: t("needs.dashboard.open"), color: "#1677ff", data: board.by_tier.map((tier) => tier.open) },
          { name: t("needs.dashboard.closed"), color: statusColors.closed, data: board.by_tier.map((tier) => tier.closed) },
        ],
      }),
    [board, t],
  );
  return <ChartFigure option={option} label={t("needs.dashboard.tierChart")} height={300} />;
}
