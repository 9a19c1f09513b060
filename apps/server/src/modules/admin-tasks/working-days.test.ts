import { describe, expect, it } from "vitest";
import { addMonths, addWorkingDays, isWorkingDay, localDate, maxOccurrences, occurrenceDates } from "./working-days.js";

describe("working days (Asia/Shanghai local dates)", () => {
  it("skips Saturdays and Sundays", () => {
    // 2026-03-06 is a Friday
    expect(isWorkingDay("2026-03-06")).toBe(true);
    expect(isWorkingDay("2026-03-07")).toBe(false);
    expect(isWorkingDay("2026-03-08")).toBe(false);
    expect(addWorkingDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-02", 10)).toBe("2026-03-16");
    // submitted on a Saturday: the first working day is Monday
    expect(addWorkingDays("2026-03-07", 1)).toBe("2026-03-09");
  });

  it("skips the configured holidays", () => {
    // 2026-10-01..07: National Day week
    const holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"];
    expect(isWorkingDay("2026-10-01", holidays)).toBe(false);
    expect(addWorkingDays("2026-09-30", 1, holidays)).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-01");
  });

  it("reads the local date of an instant in China Standard Time", () => {
    expect(localDate(new Date("2026-03-06T16:30:00Z"))).toBe("2026-03-07");
    expect(localDate(new Date("2026-03-06T15:59:59Z"))).toBe("2026-03-06");
  });

  it("adds months with the day clamped", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });
});

describe("occurrence schedules", () => {
  it("puts one occurrence at the end of each period", () => {
    expect(occurrenceDates("once", "2026-03-01", "2026-03-31")).toEqual(["2026-03-31"]);
    expect(occurrenceDates("weekly", "2026-03-02", "2026-03-23")).toEqual(["2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(occurrenceDates("monthly", "2026-01-31", "2026-04-30")).toEqual(["2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(occurrenceDates("quarterly", "2026-01-01", "2026-12-31")).toEqual(["2026-04-01", "2026-07-01", "2026-10-01"]);
    expect(occurrenceDates("yearly", "2026-01-01", "2027-06-30")).toEqual(["2027-01-01"]);
  });

  it("gives a task shorter than its period one occurrence on its last day", () => {
    expect(occurrenceDates("monthly", "2026-03-01", "2026-03-20")).toEqual(["2026-03-20"]);
  });

  it("caps the occurrences per community", () => {
    expect(occurrenceDates("weekly", "2026-01-01", "2040-01-01")).toHaveLength(maxOccurrences);
  });
});
