/**
 * The routes of the leadership module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 *
 * Readers (leadership.read: officials, community staff, department staff) see the groups and plans of their
 * area, of the levels above it and below it; managers (leadership.manage: officials) write only inside their
 * jurisdiction, so a street reading the district's plan gets 403 on its writes. Department staff hold
 * leadership.read only: the walker answers 403 for their writes, and `scoped` gives them their area's reads.
 * Targets: leadershipGroup and leadershipResponsibility at 南阳新村街道 (own), another street of 金水区
 * (otherStreet) and a street of 二七区 (otherDistrict); plan and planTarget at 金水区 (own) and 二七区 (otherDistrict).
 */
import {
  byArea,
  createIn,
  creates,
  inArea,
  listed,
  scoped,
  stale,
  url,
  type Entry,
  type ListEntry,
  type Rule,
} from "../../../quality/authz-rules.js";

/** A write open to every reader that only managers (officials over the area) and owners pass: 403 for other readers in scope. */
const managersOnly: Rule = (role, position) =>
  role === "city" || role === "district" ? scoped("allowed")(role, position) : inArea[role]?.includes(position) ? 403 : 404;

export const authz: Record<string, Entry> = {
  "GET /api/v1/leadership-groups": { at: byArea("/api/v1/leadership-groups?area={area}", "street"), expect: listed() },
  "POST /api/v1/leadership-groups": {
    at: createIn("/api/v1/leadership-groups", "street", "area_code", { name: "矩阵测试领导小组", leader_name: "组长" }),
    expect: scoped("allowed"),
  },
  "GET /api/v1/leadership-groups/:id": { at: url("/api/v1/leadership-groups/:id", "leadershipGroup"), expect: scoped() },
  "PATCH /api/v1/leadership-groups/:id": {
    at: url("/api/v1/leadership-groups/:id", "leadershipGroup", {}, { ...stale, leader_title: "组长" }),
    expect: scoped("allowed"),
  },
  "GET /api/v1/leadership-groups/:id/responsibilities": {
    at: url("/api/v1/leadership-groups/:id/responsibilities", "leadershipGroup"),
    expect: scoped(),
  },
  "POST /api/v1/leadership-groups/:id/responsibilities": {
    at: url(
      "/api/v1/leadership-groups/:id/responsibilities",
      "leadershipGroup",
      {},
      { department_name: "街道党政办", duty: "矩阵测试职责" },
    ),
    expect: scoped("allowed"),
  },
  "PATCH /api/v1/leadership-responsibilities/:id": {
    at: url("/api/v1/leadership-responsibilities/:id", "leadershipResponsibility", {}, { ...stale, duty: "矩阵测试" }),
    expect: scoped("allowed"),
  },
  "DELETE /api/v1/leadership-responsibilities/:id": {
    at: async (world, position) => {
      const id = await world.fresh.leadershipResponsibility?.(position);
      return id ? { url: `/api/v1/leadership-responsibilities/${id}` } : undefined;
    },
    expect: scoped("allowed"),
  },
  "GET /api/v1/plans": { at: byArea("/api/v1/plans?area={area}", "district"), expect: listed() },
  "POST /api/v1/plans": {
    at: createIn("/api/v1/plans", "district", "area_code", { year: 2031, title: "矩阵测试实施方案" }),
    // a street governs no district: its create at 金水区 is refused like one outside its area
    expect: creates({ city: ["own", "otherDistrict"], district: ["own"] }),
  },
  "GET /api/v1/plans/:id": { at: url("/api/v1/plans/:id", "plan"), expect: scoped() },
  "PATCH /api/v1/plans/:id": {
    at: url("/api/v1/plans/:id", "plan", {}, { ...stale, title: "矩阵测试" }),
    expect: scoped("allowed", { street: { own: 403 } }),
  },
  "POST /api/v1/plans/:id/targets": {
    at: url(
      "/api/v1/plans/:id/targets",
      "plan",
      {},
      {
        title: "矩阵测试目标",
        indicator: "manual",
        target_value: 1,
        owner_name: "区民政局",
        due_on: "2026-12-31",
      },
    ),
    expect: scoped("allowed", { street: { own: 403 } }),
  },
  "PATCH /api/v1/plan-targets/:id": {
    at: url("/api/v1/plan-targets/:id", "planTarget", {}, { ...stale, target_value: 2 }),
    expect: scoped("allowed", { street: { own: 403 } }),
  },
  "GET /api/v1/plan-targets/:id/progress": { at: url("/api/v1/plan-targets/:id/progress", "planTarget"), expect: scoped() },
  "POST /api/v1/plan-targets/:id/progress": {
    // the demo targets have no owner account or department: only the managers of 金水区 (and the city) report
    at: url("/api/v1/plan-targets/:id/progress", "planTarget", {}, { value: 1, note: "矩阵测试" }),
    expect: managersOnly,
  },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  {
    list: "GET /api/v1/leadership-groups",
    url: "/api/v1/leadership-groups?limit=200",
    detail: "GET /api/v1/leadership-groups/:id",
    resource: "leadershipGroup",
  },
  { list: "GET /api/v1/plans", url: "/api/v1/plans?limit=200", detail: "GET /api/v1/plans/:id", resource: "plan" },
];
