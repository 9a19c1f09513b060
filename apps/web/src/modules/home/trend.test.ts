import { describe, expect, it } from "vitest";
import { formatFigure, trendOf } from "./trend";

describe("home figures", () => {
  it("reads a trend only when both periods have a value", () => {
    expect(trendOf({ key: "needs_reported", value: 3, previous: 1 })).toBe("up");
    expect(trendOf({ key: "needs_reported", value: 1, previous: 3 })).toBe("down");
    expect(trendOf({ key: "needs_reported", value: 2, previous: 2 })).toBe("flat");
    expect(trendOf({ key: "average_rating", value: 4, previous: null })).toBeNull();
  });

  it("shows shares as percents, ratings with one decimal and a dash for nothing measured", () => {
    expect(formatFigure({ key: "resident_confirmation_share" }, 0.3333, "zh-CN")).toBe("33%");
    expect(formatFigure({ key: "average_rating" }, 4, "en")).toBe("4.0");
    expect(formatFigure({ key: "needs_reported" }, 1234, "en")).toBe("1,234");
    expect(formatFigure({ key: "average_rating" }, null, "en")).toBe("—");
  });
});
