import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../platform/config.js";
import { escalationReason, lateBy } from "./policy.js";

describe("escalation reasons", () => {
  it("says how late in minutes, hours or days and hours", () => {
    expect(lateBy(20 * 60_000)).toBe("20 分钟");
    expect(lateBy(5 * 3_600_000 + 59 * 60_000)).toBe("5 小时");
    expect(lateBy(2 * 86_400_000)).toBe("2 天");
    expect(lateBy(2 * 86_400_000 + 3 * 3_600_000)).toBe("2 天 3 小时");
  });

  it("names the clock and the deadline in Beijing time", () => {
    const due = new Date("2026-03-03T02:00:00Z");
    const now = new Date("2026-03-03T05:30:00Z");
    expect(escalationReason("respond", due, now)).toBe("接单超时：应于 2026/03/03 10:00 前接单，已超时 3 小时，已督办至街道");
    expect(escalationReason("resolve", due, now)).toContain("办结超时：应于 2026/03/03 10:00 前办结");
  });

  it("runs every 300 seconds unless configured otherwise (0: never)", () => {
    expect(loadConfig({}).escalationIntervalMs).toBe(300_000);
    expect(loadConfig({ SANSHE_ESCALATION_INTERVAL_SECONDS: "0" }).escalationIntervalMs).toBe(0);
    expect(() => loadConfig({ SANSHE_ESCALATION_INTERVAL_SECONDS: "-1" })).toThrow(/SANSHE_ESCALATION_INTERVAL_SECONDS/);
  });
});
