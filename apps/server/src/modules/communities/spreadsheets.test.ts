import { describe, expect, it } from "vitest";
import { facilitiesImport, facilityRowSchema } from "./spreadsheets.js";

describe("facilityRowSchema", () => {
  it("coerces Chinese labels, areas and 是/否", () => {
    const row = facilityRowSchema.parse({
      area_code: " 410105007002 ",
      type: "文体活动室",
      name: "文体活动室",
      area_m2: "120.5",
      opening_hours: "周一至周五 9:00-17:00",
      bookable: "是",
    });
    expect(row).toEqual({
      area_code: "410105007002",
      type: "activity_room",
      name: "文体活动室",
      area_m2: 120.5,
      opening_hours: "周一至周五 9:00-17:00",
      bookable: true,
    });
    expect(facilitiesImport.naturalKey(row)).toBe("410105007002|activity_room|文体活动室");
  });

  it("accepts English type codes and leaves empty cells out", () => {
    expect(facilityRowSchema.parse({ area_code: "410105007002", type: "day_care", name: "日间照料中心", bookable: "否" })).toEqual({
      area_code: "410105007002",
      type: "day_care",
      name: "日间照料中心",
      bookable: false,
    });
  });

  it.each([
    [{ area_code: "410105007", type: "会议室", name: "x" }, "INVALID_COMMUNITY_CODE"],
    [{ area_code: "410105007002", type: "游泳池", name: "x" }, "INVALID_FACILITY_TYPE"],
    [{ area_code: "410105007002", type: "会议室", name: "x", area_m2: "-3" }, "INVALID_AREA_M2"],
    [{ area_code: "410105007002", type: "会议室", name: "x", bookable: "也许" }, "INVALID_YES_NO"],
    [{ area_code: "410105007002", type: "会议室", name: "a\u0000b" }, "TEXT_FORBIDDEN_CHARACTER"],
  ])("refuses %j with %s", (cells, code) => {
    const result = facilityRowSchema.safeParse(cells);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(code);
  });
});
