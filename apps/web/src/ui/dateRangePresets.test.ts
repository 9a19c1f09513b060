import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dateRangesAsOf } from "./dateRangePresets";

const days = (range: [dayjs.Dayjs, dayjs.Dayjs]) => range.map((day) => day.format("YYYY-MM-DD"));

describe("dateRangesAsOf", () => {
  it("gives this month, last month, this quarter and this year around a day", () => {
    const ranges = Object.fromEntries(dateRangesAsOf(dayjs("2026-12-07")).map(({ key, value }) => [key, days(value)]));
    expect(ranges).toEqual({
      thisMonth: ["2026-12-01", "2026-12-31"],
      lastMonth: ["2026-11-01", "2026-11-30"],
      thisQuarter: ["2026-10-01", "2026-12-31"],
      thisYear: ["2026-01-01", "2026-12-31"],
    });
  });

  it("crosses into the previous year in January and keeps the first quarter", () => {
    const ranges = Object.fromEntries(dateRangesAsOf(dayjs("2027-01-31")).map(({ key, value }) => [key, days(value)]));
    expect(ranges.lastMonth).toEqual(["2026-12-01", "2026-12-31"]);
    expect(ranges.thisQuarter).toEqual(["2027-01-01", "2027-03-31"]);
  });
});
