import { describe, expect, it } from "vitest";
import { endOfShanghaiDay, startOfShanghaiDay } from "./shanghai-day";

describe("Shanghai day bounds of the audit filter", () => {
  it("starts a day at its Shanghai midnight", () => {
    expect(startOfShanghaiDay("2026-03-01")).toBe("2026-03-01T00:00:00+08:00");
    expect(new Date(startOfShanghaiDay("2026-03-01") ?? "").toISOString()).toBe("2026-02-28T16:00:00.000Z");
  });

  it("ends a day at the next day's Shanghai midnight, across months, years and leap days", () => {
    expect(endOfShanghaiDay("2026-03-31")).toBe("2026-04-01T00:00:00+08:00");
    expect(endOfShanghaiDay("2026-12-31")).toBe("2027-01-01T00:00:00+08:00");
    expect(endOfShanghaiDay("2028-02-28")).toBe("2028-02-29T00:00:00+08:00");
    expect(endOfShanghaiDay("2026-02-28")).toBe("2026-03-01T00:00:00+08:00");
  });

  it("refuses anything but YYYY-MM-DD", () => {
    for (const bad of ["", "2026-3-1", "2026/03/01", "2026-03-01T00:00", "x2026-03-01"]) {
      expect(startOfShanghaiDay(bad)).toBeUndefined();
      expect(endOfShanghaiDay(bad)).toBeUndefined();
    }
  });
});
