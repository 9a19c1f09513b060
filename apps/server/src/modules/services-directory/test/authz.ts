/**
 * The routes of the services-directory module in the authorization matrix (QUALITY.md §1): each route →
 * how to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, listed, always, url, byArea, mine, stale, type Entry, type ListEntry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Service directory
  "GET /api/v1/services": { at: byArea("/api/v1/services?area_code={area}", "community"), expect: listed() },
  "POST /api/v1/services": { at: mine("/api/v1/services"), expect: always("allowed") },
  "GET /api/v1/services/:id": {
    at: url("/api/v1/services/:id", "service"),
    expect: scoped(200, { org: { otherOrg: 404, siblingCommunity: 404 } }),
  },
  "PATCH /api/v1/services/:id": {
    at: url("/api/v1/services/:id", "service", {}, { ...stale, data: {} }),
    // an organization's service is its own to edit; the community's staff read it
    expect: scoped("allowed", { org: { otherOrg: 404, siblingCommunity: 404 }, community: { own: 403, otherOrg: 403 } }),
  },
  "GET /api/v1/public/services": { at: mine("/api/v1/public/services"), expect: always() },
  "GET /api/v1/public/services/:id": { at: url("/api/v1/public/services/:id", "service"), expect: always() },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/services", url: "/api/v1/services?limit=200", detail: "GET /api/v1/services/:id", resource: "service" },
];
