import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The calendar ranges officials ask for most, as of `today`: this month, last month, this quarter, this year. */
export function dateRangesAsOf(today: Dayjs): { key: "thisMonth" | "lastMonth" | "thisQuarter" | "thisYear"; value: [Dayjs, Dayjs] }[] {
  const quarterStart = today.startOf("month").month(Math.floor(today.month() / 3) * 3);
  const lastMonth = today.subtract(1, "month");
  return [
    { key: "thisMonth", value: [today.startOf("month"), today.endOf("month")] },
    { key: "lastMonth", value: [lastMonth.startOf("month"), lastMonth.endOf("month")] },
    { key: "thisQuarter", value: [quarterStart, quarterStart.add(2, "month").endOf("month")] },
    { key: "thisYear", value: [today.startOf("year"), today.endOf("year")] },
  ];
}

/**
 * Quick ranges for a RangePicker (presets prop): 本月, 上月, 本季度, 今年. Use with the console's date
 * format (DATE_FORMAT) so every date field reads the same way.
 */
export function useDateRangePresets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const { t } = useTranslation();
  return useMemo(() => dateRangesAsOf(dayjs()).map(({ key, value }) => ({ label: t(`ui.dateRange.${key}`), value })), [t]);
}

/** The console's date format in pickers (2026-12-07: unambiguous in zh-CN and en). */
export const DATE_FORMAT = "YYYY-MM-DD";
