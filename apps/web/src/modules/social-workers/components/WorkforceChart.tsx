import type { WorkforceRow } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useChart } from "../../../ui/useChart";

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Workers per 1,000 residents per unit as bars, red below the standard, with the standard as a line. */
export function WorkforceChart({ rows, standard, label }: { rows: WorkforceRow[]; standard: number; label: string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 24, top: 24, bottom: 80 },
      xAxis: { type: "category", data: rows.map((row) => row.area_name), axisLabel: { rotate: 40 } },
      yAxis: { type: "value", name: label, max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, standard * 1.5)) },
      series: [
        {
          type: "bar",
          name: label,
          data: rows.map((row) => ({ value: row.per_thousand ?? 0, itemStyle: { color: row.below_standard ? "#cf1322" : "#1677ff" } })),
          markLine: { symbol: "none", data: [{ yAxis: standard }], lineStyle: { type: "dashed" } },
        },
      ],
    }),
    [rows, standard, label],
  );
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: 320 }} />;
}
