import { standardFacilityTypes, type ComplianceSummary } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bar chart: how many communities of the jurisdiction lack each standard facility. */
export function MissingChart({ summary }: { summary: ComplianceSummary }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: "category", data: standardFacilityTypes.map((type) => t(`communities.facilityType.${type}`)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          name: t("communities.compliance.missingCount"),
          data: standardFacilityTypes.map((type) => summary.missing_by_type[type]),
          itemStyle: { color: "#cf1322" },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [summary, t]);

  return <div ref={element} role="img" aria-label={t("communities.compliance.chartLabel")} style={{ height: 260, width: "100%" }} />;
}
