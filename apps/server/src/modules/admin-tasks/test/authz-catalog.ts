/**
 * The catalogue and workload routes of the admin-tasks module in the authorization matrix (QUALITY.md §1),
 * spread into this module's test/authz.ts. What the matrix world provides for them
 * (quality/authz-matrix.db.test.ts):
 *  - ids.catalogItem: own = an item of 金水区's demo catalogue (410105), otherDistrict = a clone at 二七区 (410103);
 *  - fresh.catalogItem(position): a new item at the position's district (own, otherDistrict), for DELETE.
 * Only city and district officials hold admin_tasks.catalog; officials and community staff hold
 * workload.read; every other role is answered 403 by the walker.
 */
import { byArea, createIn, creates, scoped, stale, url, type Entry } from "../../../quality/authz-rules.js";

const period = "from=2026-01-01&to=2026-03-31";

export const authzCatalog: Record<string, Entry> = {
  // The catalogue that applies to an area: readable in the scope and above it (a community reads its
  // district's), 404 for a sibling community, another street or district.
  "GET /api/v1/admin-task-catalog": { at: byArea("/api/v1/admin-task-catalog?area={area}", "community"), expect: scoped() },
  // Kept by a district (its own) or a city (its districts'): elsewhere 404.
  "POST /api/v1/admin-task-catalog": {
    at: createIn("/api/v1/admin-task-catalog", "district", "area_code", {
      list: "assisted",
      title: "授权矩阵测试事项",
      legal_basis: "测试依据",
    }),
    expect: creates({ city: ["own", "otherDistrict"], district: ["own"] }),
  },
  "PATCH /api/v1/admin-task-catalog/:id": {
    at: url("/api/v1/admin-task-catalog/:id", "catalogItem", {}, { ...stale, description: "授权矩阵" }),
    expect: scoped("allowed"),
  },
  "DELETE /api/v1/admin-task-catalog/:id": {
    at: async (world, position) => {
      const id = await world.fresh.catalogItem?.(position);
      return id ? { url: `/api/v1/admin-task-catalog/${id}` } : undefined;
    },
    expect: scoped("allowed"),
  },
  // The workload picture of an area in the scope; a community staff member reads only their own community.
  "GET /api/v1/workload": { at: byArea(`/api/v1/workload?area={area}&${period}`, "community"), expect: scoped() },
  "GET /api/v1/workload/export.xlsx": { at: byArea(`/api/v1/workload/export.xlsx?area={area}&${period}`, "community"), expect: scoped() },
};
