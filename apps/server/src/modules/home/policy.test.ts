import { describe, expect, it } from "vitest";
import type { Todo } from "@sanshe/contracts/home";
import { figurePeriods, orderTodos } from "./policy.js";

describe("home policy", () => {
  it("compares the last 30 days (Asia/Shanghai) with the 30 days before, without gap or overlap", () => {
    // 2026-03-01 20:00 UTC is already 2 March in Shanghai.
    expect(figurePeriods(new Date("2026-03-01T20:00:00Z"))).toEqual({
      current: { from: "2026-02-01", to: "2026-03-02" },
      previous: { from: "2026-01-02", to: "2026-01-31" },
    });
  });

  it("puts waiting kinds first, the most overdue first, and keeps the order otherwise", () => {
    const item = (key: Todo["key"], count: number, overdue: number | null): Todo => ({ key, count, overdue, href: "/" });
    expect(
      orderTodos([
        item("imports_failed", 0, null),
        item("referrals_to_accept", 2, 0),
        item("referrals_in_service", 5, 3),
        item("invitations_to_answer", 1, null),
      ]).map((todo) => todo.key),
    ).toEqual(["referrals_in_service", "referrals_to_accept", "invitations_to_answer", "imports_failed"]);
  });
});
