import type * as echarts from "echarts/core";
import { useChart } from "./useChart";

/** One series of bars: its legend name, colour and one value per category. */
export type BarSeries = { name: string; color: string; data: number[]; stack?: string };

type BarChartOptionInput = {
  /** Labels of the x axis. */
  categories: string[];
  axisLabel?: { interval: number; rotate: number };
  /** The value axis: a unit name, or whole numbers only. */
  valueAxis: { name: string } | { minInterval: 1 };
  series: BarSeries[];
  /** Space under the plot (for the legend and rotated labels). */
  bottom: number;
  /** Whether the legend is shown under the chart. */
  legend?: boolean;
};

/** ECharts option of a vertical bar chart with a shadow tooltip per category, in the console's layout. */
export function barChartOption({ categories, axisLabel, valueAxis, series, bottom, legend = true }: BarChartOptionInput) {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    ...(legend ? { legend: { bottom: 0 } } : {}),
    grid: { left: 40, right: 16, top: 16, bottom, containLabel: true },
    xAxis: { type: "category", data: categories, ...(axisLabel ? { axisLabel } : {}) },
    yAxis: { type: "value", ...valueAxis },
    series: series.map(({ name, color, data, stack }) => ({
      type: "bar",
      ...(stack ? { stack } : {}),
      name,
      itemStyle: { color },
      data,
    })),
  };
}

type ChartFigureProps = {
  /** The chart's option (memoize it: the chart is redrawn when it changes). */
  option: echarts.EChartsCoreOption;
  /** Accessible name of the figure. */
  label: string;
  height: number;
};

/** A chart drawn into a full-width figure with an accessible name. */
export function ChartFigure({ option, label, height }: ChartFigureProps) {
  const element = useChart(option);
  return <div ref={element} role="img" aria-label={label} style={{ height, width: "100%" }} />;
}
