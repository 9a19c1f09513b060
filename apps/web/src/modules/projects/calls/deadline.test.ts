import { describe, expect, it } from "vitest";
import { beijingFields, beijingInstant, timeLeft } from "./deadline";

describe("call deadlines in Beijing time", () => {
  it("builds an instant with the +08:00 offset, adding seconds when only minutes are typed", () => {
    expect(beijingInstant("2026-07-01", "17:00")).toBe("2026-07-01T17:00:00+08:00");
    expect(beijingInstant("2026-07-01", "17:00:30")).toBe("2026-07-01T17:00:30+08:00");
    expect(new Date(beijingInstant("2026-07-01", "07:30")).toISOString()).toBe("2026-06-30T23:30:00.000Z");
  });

  it("splits an instant back into the Beijing date and time, whatever zone it was written in", () => {
    expect(beijingFields("2026-06-30T23:30:00Z")).toEqual({ date: "2026-07-01", time: "07:30:00" });
    expect(beijingFields(beijingInstant("2026-12-31", "23:59:59"))).toEqual({ date: "2026-12-31", time: "23:59:59" });
  });

  it("counts down days, hours, minutes and seconds until the deadline", () => {
    const deadline = "2026-07-01T17:00:00+08:00";
    const now = new Date(deadline).getTime() - ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000;
    expect(timeLeft(deadline, now)).toEqual({ days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(timeLeft(deadline, new Date(deadline).getTime() - 999)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });

  it("is null once the deadline has passed, at the deadline itself, and for an unreadable date", () => {
    const deadline = "2026-07-01T17:00:00+08:00";
    expect(timeLeft(deadline, new Date(deadline).getTime())).toBeNull();
    expect(timeLeft(deadline, new Date(deadline).getTime() + 1)).toBeNull();
    expect(timeLeft("not a date", 0)).toBeNull();
  });
});
