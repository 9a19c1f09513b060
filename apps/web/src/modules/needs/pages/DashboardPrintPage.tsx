import type { NeedsDashboard, NeedsDashboardQuery } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatLongDate } from "../../../ui/formatDateTime";
import { PrintFacts, PrintSheet } from "../../../ui/PrintSheet";
import { QueryResult } from "../../../ui/QueryResult";
import { useNeedsDashboard } from "../api";
import { CategoryChart, TierChart } from "../components/DashboardCharts";
import { useDashboardQuery } from "../hooks/useDashboardQuery";

/** 需求看板打印 (?area=&from=&to= as on the dashboard): key figures, both charts at A4 width, categories and lower areas. */
export function DashboardPrintPage() {
  const [query] = useDashboardQuery();
  return <QueryResult query={useNeedsDashboard(query)}>{(board) => <PrintedDashboard board={board} query={query} />}</QueryResult>;
}

function PrintedDashboard({ board, query }: { board: NeedsDashboard; query: NeedsDashboardQuery }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits));
  const figures: [string, string][] = [
    [t("needs.dashboard.open"), String(board.totals.open)],
    [t("needs.dashboard.overdue"), String(board.totals.overdue_referrals)],
    [t("needs.dashboard.medianRespond"), `${number(board.totals.median_respond_hours)} ${t("needs.dashboard.hours")}`],
    [t("needs.dashboard.medianResolve"), `${number(board.totals.median_resolve_days)} ${t("needs.dashboard.days")}`],
    [
      t("needs.dashboard.residentShare"),
      board.totals.resident_confirmation_share === null ? "—" : `${(board.totals.resident_confirmation_share * 100).toFixed(0)}%`,
    ],
    [t("needs.dashboard.rating"), `${number(board.totals.average_rating)} / 5`],
  ];
  return (
    <PrintSheet printLabel={t("needs.dashboard.print")}>
      <h1>
        {board.path.map((step) => step.name).join(" / ")}
        <br />
        {t("needs.dashboard.title")}
      </h1>
      <p>
        {query.from || query.to
          ? t("needs.dashboard.period", {
              from: query.from ? formatLongDate(query.from, i18n.language) : "…",
              to: query.to ? formatLongDate(query.to, i18n.language) : "…",
            })
          : null}{" "}
        {board.refresh_seconds === null
          ? t("needs.dashboard.generatedLive", { at: formatDateTime(board.generated_at) })
          : t("needs.dashboard.generatedEvery", { at: formatDateTime(board.generated_at), seconds: board.refresh_seconds })}
      </p>
      <h2>{t("needs.dashboard.keyFigures")}</h2>
      <PrintFacts rows={figures} labelWidth="40%" testId="key-figures" />
      <p>
        {t("needs.dashboard.totalsLine", {
          total: board.totals.total,
          closed: board.totals.closed,
          resident: board.totals.closed_by_resident,
          callback: board.totals.closed_by_callback,
          staff: board.totals.closed_by_staff,
          callbackRating: number(board.totals.average_callback_rating),
        })}
      </p>
      {board.totals.open > 0 ? (
        <>
          <h2>{t("needs.dashboard.categoryChart")}</h2>
          <CategoryChart board={board} />
        </>
      ) : null}
      <h2>{t("needs.dashboard.tierChart")}</h2>
      <TierChart board={board} />
      <h2>{t("needs.dashboard.categories")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("needs.field.category")}</th>
            <th>{t("needs.dashboard.total")}</th>
            <th>{t("needs.dashboard.open")}</th>
            <th>{t("needs.field.status")}</th>
          </tr>
        </thead>
        <tbody>
          {board.by_category.map((row) => (
            <tr key={row.category}>
              <td>{row.name}</td>
              <td>{row.total}</td>
              <td>{row.open}</td>
              <td>{row.statuses.map((entry) => `${t(`needs.status.${entry.status}`)} ${entry.count}`).join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.children.length > 0 ? (
        <>
          <h2>{t("needs.dashboard.children")}</h2>
          <table>
            <thead>
              <tr>
                <th>{t("needs.dashboard.area")}</th>
                <th>{t("needs.dashboard.total")}</th>
                <th>{t("needs.dashboard.open")}</th>
                <th>{t("needs.dashboard.overdue")}</th>
                <th>{t("needs.dashboard.closed")}</th>
                <th>{t("needs.dashboard.medianResolve")}</th>
                <th>{t("needs.dashboard.rating")}</th>
              </tr>
            </thead>
            <tbody>
              {board.children.map((row) => (
                <tr key={row.code}>
                  <td>{row.name}</td>
                  <td>{row.total}</td>
                  <td>{row.open}</td>
                  <td>{row.overdue}</td>
                  <td>{row.closed}</td>
                  <td>{number(row.median_resolve_days)}</td>
                  <td>{number(row.average_rating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </PrintSheet>
  );
}
