import type { FundingSource, ProjectIndicators } from "@sanshe/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { barChartOption, ChartFigure } from "../../../../ui/barChart";
import { sourceColors } from "./LedgerChart";

const moneyParts = ["budget_fen", "awarded_fen", "contracted_fen", "paid_fen"] as const;
const moneyColors = ["#8c8c8c", "#13c2c2", "#1677ff", "#52c41a"];

/** Budget, awarded, contracted and paid money by purchase mode (元). */
export function MoneyByModeChart({ data }: { data: ProjectIndicators }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barChartOption({
        categories: data.by_mode.map((row) => t(`contracts.mode.${row.mode}`)),
        valueAxis: { name: t("contracts.ledger.yuan") },
        bottom: 48,
        series: moneyParts.map((part, index) => ({
          name: t(`contracts.indicators.money.${part}`),
          color: moneyColors[index] ?? "#8c8c8c",
          data: data.by_mode.map((row) => row[part] / 100),
        })),
      }),
    [data, t],
  );
  return <ChartFigure option={option} label={t("contracts.indicators.moneyChart")} height={300} />;
}

/** Funding of the area's organizations by source over three years, one stacked bar (元). */
export function FundingStructureChart({ data }: { data: ProjectIndicators }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 64, containLabel: true },
      xAxis: { type: "value", name: t("contracts.ledger.yuan") },
      yAxis: { type: "category", data: [t("contracts.indicators.funding")] },
      series: data.funding_by_source.map((row) => ({
        type: "bar",
        stack: "funding",
        name: t(`socialOrgs.funding.${row.source}`),
        itemStyle: { color: sourceColors[row.source as FundingSource] ?? "#8c8c8c" },
        data: [row.amount_fen / 100],
      })),
    }),
    [data, t],
  );
  return <ChartFigure option={option} label={t("contracts.indicators.fundingChart")} height={200} />;
}

/** Completed evaluations by grade. */
export function GradeChart({ data }: { data: ProjectIndicators }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      barChartOption({
        categories: data.evaluations.by_grade.map((row) => t(`contracts.grade.${row.grade}`)),
        valueAxis: { minInterval: 1 },
        bottom: 24,
        legend: false,
        series: [{ name: t("contracts.indicators.evaluated"), color: "#1677ff", data: data.evaluations.by_grade.map((row) => row.count) }],
      }),
    [data, t],
  );
  return <ChartFigure option={option} label={t("contracts.indicators.gradeChart")} height={240} />;
}
