import * as echarts from "echarts/core";
import { useEffect, useRef } from "react";

/**
 * One ECharts instance bound to a div: drawn with `option`, redrawn when it changes (memoize it),
 * resized with the window and before printing, disposed on unmount. The caller registers the chart
 * types and components it uses with `echarts.use`.
 */
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
