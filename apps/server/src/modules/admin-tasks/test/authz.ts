/**
 * The routes of the admin-tasks module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 *
 * The records: `adminTask` own is 金水区民政局's admitted task on 丰乐社区 (reviewed by 南阳新村街道),
 * otherStreet the same department's task in 花园路街道, otherDistrict a 二七区 department's task;
 * `department` own is 金水区民政局 (the demo department's), otherDistrict a 二七区 department;
 * `occurrence` open occurrences in 丰乐社区, another community of the street and 二七区;
 * `unadmittedTask` a submitted task targeting 丰乐社区.
 */
import {
  always,
  byArea,
  creates,
  createIn,
  listed,
  mine,
  scoped,
  stale,
  url,
  type Entry,
  type ListEntry,
  type Position,
  type World,
} from "../../../quality/authz-rules.js";
import { authzCatalog } from "./authz-catalog.js";

const application = (world: World, position: Position) => {
  const area = world.areas[position as keyof World["areas"]];
  if (!area || position === "otherStreet") {
    return undefined;
  }
  return {
    url: "/api/v1/admin-tasks",
    body: {
      title: "授权矩阵测试事项",
      legal_basis: "测试",
      kind: "report",
      target_communities: [area.community],
      frequency: "monthly",
      hours_per_occurrence: 1,
      funding_fen_per_community: 1000,
      starts_on: "2027-01-04",
      ends_on: "2027-03-31",
    },
  };
};

const refusal = (world: World, position: Position) => {
  const area = world.areas[position as keyof World["areas"]];
  const task = world.ids.unadmittedTask?.own;
  if (!area || !task || position === "otherStreet") {
    return undefined;
  }
  return { url: "/api/v1/community-queue/refusals", body: { task_id: task, area_code: area.community, note: null } };
};

export const authz: Record<string, Entry> = {
  ...authzCatalog,
  // The department picker of account administration: administrators only (the walker answers others 403).
  "GET /api/v1/departments/refs": { at: mine("/api/v1/departments/refs"), expect: always() },
  // Departments: everyone reading de-administration sees those in or above their area; districts and the city register them.
  "GET /api/v1/departments": { at: byArea("/api/v1/departments?area={area}", "district"), expect: listed() },
  "POST /api/v1/departments": {
    at: createIn("/api/v1/departments", "district", "area_code", { name: "授权矩阵测试局" }),
    expect: creates({ city: ["own", "otherDistrict"], district: ["own"] }),
  },
  "PATCH /api/v1/departments/:id": {
    at: url("/api/v1/departments/:id", "department", {}, { ...stale, name: "改名" }),
    expect: scoped("allowed"),
  },

  // Tasks: a department its own (both demo tasks are 民政局's), officials by reviewing area or target, community staff admitted ones on it.
  "GET /api/v1/admin-tasks": {
    at: byArea("/api/v1/admin-tasks?area={area}", "street"),
    // the district-level demo task on 丰乐社区 also targets 经八路街道: the street and 丰乐社区 see it there
    expect: listed({ street: { otherStreet: 200 }, community: { otherStreet: 200 } }),
  },
  "POST /api/v1/admin-tasks": {
    at: application,
    // a target outside the department's jurisdiction is refused as invalid input
    expect: creates({ department: ["own", "siblingCommunity"] }, 422),
  },
  "GET /api/v1/admin-tasks/:id": {
    at: url("/api/v1/admin-tasks/:id", "adminTask"),
    expect: scoped(200),
  },
  "POST /api/v1/admin-tasks/:id/resubmit": {
    at: url("/api/v1/admin-tasks/:id/resubmit", "adminTask", {}, stale),
    expect: scoped("allowed"),
  },
  "POST /api/v1/admin-tasks/:id/withdraw": {
    at: url("/api/v1/admin-tasks/:id/withdraw", "adminTask", {}, stale),
    expect: scoped("allowed"),
  },
  "POST /api/v1/admin-tasks/:id/decision": {
    at: url("/api/v1/admin-tasks/:id/decision", "adminTask", {}, { ...stale, decision: "reject", reason: "授权矩阵" }),
    expect: scoped("allowed"),
  },
  "POST /api/v1/admin-tasks/:id/take-back": {
    at: url(
      "/api/v1/admin-tasks/:id/take-back",
      "adminTask",
      {},
      { ...stale, assignee_kind: "street_office", assignee_name: "党政办", reason: "回收" },
    ),
    expect: scoped("allowed"),
  },

  // The community's queue: its staff (officials read their area's; a department its own tasks' occurrences).
  "GET /api/v1/community-queue": { at: byArea("/api/v1/community-queue?area={area}", "community"), expect: listed() },
  "POST /api/v1/community-queue/:id/complete": {
    at: url("/api/v1/community-queue/:id/complete", "occurrence", {}, { ...stale, hours: 1 }),
    expect: scoped("allowed"),
  },
  "GET /api/v1/community-queue/unadmitted": { at: byArea("/api/v1/community-queue/unadmitted?area={area}", "community"), expect: listed() },
  "POST /api/v1/community-queue/refusals": { at: refusal, expect: creates({ community: ["own"] }) },
  "GET /api/v1/community-queue/refusals": { at: byArea("/api/v1/community-queue/refusals?area={area}", "community"), expect: listed() },
};

/** Its list, counted against the detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/admin-tasks", url: "/api/v1/admin-tasks?limit=100", detail: "GET /api/v1/admin-tasks/:id", resource: "adminTask" },
];
