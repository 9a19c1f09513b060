import type { HomeFigure } from "@sanshe/contracts/home";

/** Direction of a figure against the previous period: up, down, flat, or null when either is missing. */
export function trendOf(figure: HomeFigure): "up" | "down" | "flat" | null {
  if (figure.value === null || figure.previous === null) {
    return null;
  }
  return figure.value > figure.previous ? "up" : figure.value < figure.previous ? "down" : "flat";
}

/** A figure's value for display: shares as whole percents, ratings with one decimal, counts as they are. */
export function formatFigure(figure: Pick<HomeFigure, "key">, value: number | null, locale: string): string {
  if (value === null) {
    return "—";
  }
  if (figure.key === "resident_confirmation_share") {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
  }
  if (figure.key === "average_rating") {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }
  return new Intl.NumberFormat(locale).format(value);
}
