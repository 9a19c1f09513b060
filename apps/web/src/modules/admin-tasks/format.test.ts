import type { Me } from "@sanshe/contracts";
import type { AdminTaskTarget } from "@sanshe/contracts/admin-tasks";
import { describe, expect, it } from "vitest";
import {
  activeTargets,
  defaultWorkloadArea,
  departmentMembership,
  fenToYuan,
  formatFen,
  formatHours,
  formatShare,
  isCommunityCode,
  isDecisionOverdue,
  needsUnfundedException,
  ownCommunity,
  shanghaiToday,
  shareBandLabel,
  thisYearSoFar,
  yuanToFen,
} from "./format";

type Membership = Me["memberships"][number];
const membership = (role: Membership["role"], area_code: string): Membership => ({
  id: `00000000-0000-4000-8000-${area_code.padStart(12, "0")}`,
  role,
  area_code,
  area_name: area_code,
  organization_id: null,
  organization_name: null,
});

const target = (area_code: string, status: AdminTaskTarget["status"]): AdminTaskTarget => ({
  area_code,
  area_name: area_code,
  status,
  taken_back_at: null,
  assignee_kind: null,
  assignee_name: null,
  credited_fen: null,
});

describe("money in yuan, held in fen", () => {
  it("shows fen as yuan with two decimals, and a dash for no amount", () => {
    expect(formatFen(123456)).toMatch(/1,234\.56/);
    expect(formatFen(0)).toMatch(/0\.00/);
    expect(formatFen(null)).toBe("—");
  });

  it("turns typed yuan into whole fen, rounding, and an empty field into 0", () => {
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(null)).toBe(0);
    expect(yuanToFen(undefined)).toBe(0);
    expect(fenToYuan(123456)).toBe(1234.56);
  });
});

describe("dates in Beijing time", () => {
  it("gives today's Beijing date, which is tomorrow in UTC terms after 16:00 UTC", () => {
    expect(shanghaiToday(Date.parse("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(shanghaiToday(Date.parse("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
  });

  it("defaults the workload period to this year so far", () => {
    expect(thisYearSoFar(Date.parse("2026-12-31T16:30:00Z"))).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(thisYearSoFar(Date.parse("2026-07-15T04:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-07-15" });
  });

  it("calls a decision overdue only while submitted and after its due day", () => {
    expect(isDecisionOverdue({ status: "submitted", decision_due_on: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isDecisionOverdue({ status: "submitted", decision_due_on: "2026-03-01" }, "2026-03-01")).toBe(false);
    expect(isDecisionOverdue({ status: "admitted", decision_due_on: "2026-03-01" }, "2026-03-09")).toBe(false);
  });
});

describe("the admission rules the forms follow", () => {
  it("asks for an exception only when admitting a task without funding", () => {
    expect(needsUnfundedException("admit", 0)).toBe(true);
    expect(needsUnfundedException("admit", 1)).toBe(false);
    expect(needsUnfundedException("reject", 0)).toBe(false);
    expect(needsUnfundedException("return", 0)).toBe(false);
    expect(needsUnfundedException(undefined, 0)).toBe(false);
  });

  it("offers only active targets for taking back", () => {
    const targets = [target("410105007002", "active"), target("410105007001", "taken_back"), target("410105007003", "refused")];
    expect(activeTargets(targets).map((t) => t.area_code)).toEqual(["410105007002"]);
  });

  it("recognises community codes", () => {
    expect(isCommunityCode("410105007002")).toBe(true);
    expect(isCommunityCode("410105007")).toBe(false);
  });
});

describe("workload figures", () => {
  it("shows shares as percentages and bands as ranges", () => {
    expect(formatShare(0.425)).toBe("42.5%");
    expect(formatShare(0)).toBe("0.0%");
    expect(formatShare(null)).toBe("—");
    expect(shareBandLabel({ from: 0.3, to: 0.4 })).toBe("30–40%");
    expect(shareBandLabel({ from: 0.9, to: 1 })).toBe("90–100%");
  });

  it("rounds hours to one decimal, keeping whole numbers whole", () => {
    expect(formatHours(2)).toBe("2");
    expect(formatHours(1.25)).toBe("1.3");
    expect(formatHours(null)).toBe("—");
  });

  it("opens on the widest area of an official or community membership", () => {
    expect(defaultWorkloadArea([membership("community_staff", "410105007002"), membership("official", "410105007")])).toBe("410105007");
    expect(defaultWorkloadArea([membership("department", "410105")])).toBeUndefined();
  });

  it("finds the staff member's community and the department account", () => {
    const memberships = [
      membership("official", "410105007"),
      membership("community_staff", "410105007002"),
      membership("department", "410105"),
    ];
    expect(ownCommunity(memberships)?.area_code).toBe("410105007002");
    expect(departmentMembership(memberships)?.area_code).toBe("410105");
  });
});
