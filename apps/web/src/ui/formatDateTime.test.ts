import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate } from "./formatDateTime";

describe("formatDateTime", () => {
  it("shows an instant in Asia/Shanghai as YYYY-MM-DD HH:mm:ss", () => {
    expect(formatDateTime("2026-03-01T16:05:09Z")).toBe("2026-03-02 00:05:09");
    expect(formatDateTime("2026-03-01T08:00:00+08:00")).toBe("2026-03-01 08:00:00");
  });

  it("uses a 24-hour clock (midnight is 00, not 24)", () => {
    expect(formatDateTime("2026-03-01T16:00:00Z")).toBe("2026-03-02 00:00:00");
    expect(formatDateTime("2026-03-01T13:30:00Z")).toBe("2026-03-01 21:30:00");
  });

  it("shows a dash when the value is absent or not a date", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("")).toBe("—");
    expect(formatDateTime("yesterday")).toBe("—");
  });
});

describe("formatLongDate", () => {
  it("writes a day as a printed document does, an instant taken in Asia/Shanghai", () => {
    expect(formatLongDate("2026-03-01T16:05:09Z", "zh-CN")).toBe("2026年3月2日");
    expect(formatLongDate("2026-12-31", "zh-CN")).toBe("2026年12月31日");
    expect(formatLongDate("2026-12-31", "en")).toBe("December 31, 2026");
  });

  it("shows a dash when the value is absent or not a date", () => {
    expect(formatLongDate(null, "zh-CN")).toBe("—");
    expect(formatLongDate("2026-13-45", "zh-CN")).toBe("—");
  });
});
