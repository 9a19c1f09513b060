/**
 * The routes of the communities module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, url, byArea, createIn, stale, type Entry, type ListEntry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Communities, facilities, grids
  "GET /api/v1/communities": { at: byArea("/api/v1/communities?area_code={area}", "community"), expect: scoped() },
  "GET /api/v1/communities/compliance": { at: byArea("/api/v1/communities/compliance?area_code={area}", "community"), expect: scoped() },
  "GET /api/v1/communities/:code/profile": { at: url("/api/v1/communities/:id/profile", "area"), expect: scoped() },
  "PUT /api/v1/communities/:code/profile": { at: url("/api/v1/communities/:id/profile", "area", {}, stale), expect: scoped("allowed") },
  "GET /api/v1/communities/:code/facilities": { at: url("/api/v1/communities/:id/facilities", "area"), expect: scoped() },
  "POST /api/v1/communities/:code/facilities": { at: url("/api/v1/communities/:id/facilities", "area"), expect: scoped("allowed") },
  "GET /api/v1/facilities/:id": { at: url("/api/v1/facilities/:id", "facility"), expect: scoped() },
  "PATCH /api/v1/facilities/:id": { at: url("/api/v1/facilities/:id", "facility", {}, { ...stale, data: {} }), expect: scoped("allowed") },
  "DELETE /api/v1/facilities/:id": {
    at: async (world, position) => {
      const id = await world.fresh.facility?.(position);
      return id ? { url: `/api/v1/facilities/${id}` } : undefined;
    },
    expect: scoped("allowed"),
  },
  "GET /api/v1/grids": { at: byArea("/api/v1/grids?area_code={area}", "community"), expect: scoped() },
  "POST /api/v1/grids": { at: createIn("/api/v1/grids", "community"), expect: scoped("allowed") },
  "GET /api/v1/grids/:id": { at: url("/api/v1/grids/:id", "grid"), expect: scoped() },
  "PATCH /api/v1/grids/:id": { at: url("/api/v1/grids/:id", "grid", {}, { ...stale, data: {} }), expect: scoped("allowed") },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/grids", url: "/api/v1/grids?limit=200", detail: "GET /api/v1/grids/:id", resource: "grid" },
];
