import { standardFacilityTypes, type ComplianceSummary } from "@sanshe/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useChart } from "../../../ui/useChart";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bar chart: how many communities of the jurisdiction lack each standard facility. */
export function MissingChart({ summary }: { summary: ComplianceSummary }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
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
    }),
    [summary, t],
  );
  const element = useChart(option);

  return <div ref={element} role="img" aria-label={t("communities.compliance.chartLabel")} style={{ height: 260, width: "100%" }} />;
}
