/**
 * The routes of the cases module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, always, only, url, mine, stale, type Entry, type ListEntry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Cases (confidential): their worker, the worker's supervisor and the community's staff.
  "GET /api/v1/cases": { at: mine("/api/v1/cases"), expect: always() },
  "POST /api/v1/cases": {
    at: (world, position) => {
      const resident = world.ids.resident?.[position];
      return resident && (position === "own" || position === "otherResident")
        ? { url: "/api/v1/cases", body: { resident_id: resident } }
        : undefined;
    },
    expect: scoped("allowed"),
  },
  "GET /api/v1/cases/:id": { at: url("/api/v1/cases/:id", "case"), expect: only({ community: "area", worker: ["own"] }) },
  "PATCH /api/v1/cases/:id": {
    at: url("/api/v1/cases/:id", "case", {}, { ...stale, data: {} }),
    expect: only({ worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/cases/:id/goals": { at: url("/api/v1/cases/:id/goals", "case"), expect: only({ worker: ["own"] }, "allowed") },
  "PATCH /api/v1/cases/:id/goals/:goal_id": {
    at: url("/api/v1/cases/:id/goals/:goal_id", "case", { goal_id: "caseGoal" }, { ...stale, data: {} }),
    expect: only({ worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/cases/:id/sessions": { at: url("/api/v1/cases/:id/sessions", "case"), expect: only({ worker: ["own"] }, "allowed") },
  "POST /api/v1/cases/:id/reviews": { at: url("/api/v1/cases/:id/reviews", "case"), expect: only({ worker: ["own"] }, "allowed") },
  "POST /api/v1/cases/:id/close": { at: url("/api/v1/cases/:id/close", "case", {}, stale), expect: only({ worker: ["own"] }, "allowed") },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/cases", url: "/api/v1/cases?limit=200", detail: "GET /api/v1/cases/:id", resource: "case" },
];
