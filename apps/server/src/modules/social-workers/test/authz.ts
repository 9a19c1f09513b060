/**
 * The routes of the social-workers module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, scopedAt, listed, url, byArea, stale, type Entry, type ListEntry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Social workers: org staff manage their own organization's workers.
  "GET /api/v1/social-workers": { at: byArea("/api/v1/social-workers?area_code={area}", "community"), expect: listed() },
  "POST /api/v1/social-workers": {
    at: (world, position) => {
      const org = world.ids.org?.[position];
      const area = position === "otherDistrict" ? world.areas.otherDistrict.community : world.areas.own.community;
      return org ? { url: "/api/v1/social-workers", body: { organization_id: org, area_code: area } } : undefined;
    },
    expect: scoped("allowed", { org: { otherOrg: "denied", otherDistrict: "denied" }, district: { otherDistrict: "denied" } }),
  },
  "GET /api/v1/social-workers/workforce": {
    at: byArea("/api/v1/social-workers/workforce?area_code={area}&by=community", "street"),
    expect: scopedAt("street"),
  },
  "GET /api/v1/social-workers/:id": { at: url("/api/v1/social-workers/:id", "socialWorker"), expect: scoped() },
  "PATCH /api/v1/social-workers/:id": {
    at: url("/api/v1/social-workers/:id", "socialWorker", {}, { ...stale, data: {} }),
    expect: scoped("allowed", { org: { otherOrg: "denied" } }),
  },
  "PUT /api/v1/social-workers/:id/communities": {
    at: url("/api/v1/social-workers/:id/communities", "socialWorker", {}, { ...stale, community_codes: [] }),
    expect: scoped("allowed", { org: { otherOrg: "denied" } }),
  },
  "GET /api/v1/social-workers/:id/trainings": { at: url("/api/v1/social-workers/:id/trainings", "socialWorker"), expect: scoped() },
  "POST /api/v1/social-workers/:id/trainings": {
    at: url("/api/v1/social-workers/:id/trainings", "socialWorker"),
    expect: scoped("allowed", { org: { otherOrg: "denied" } }),
  },
  "GET /api/v1/social-workers/:id/posts": { at: url("/api/v1/social-workers/:id/posts", "socialWorker"), expect: scoped() },
  "POST /api/v1/social-workers/:id/posts": {
    at: url("/api/v1/social-workers/:id/posts", "socialWorker"),
    expect: scoped("allowed", { org: { otherOrg: "denied" } }),
  },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  {
    list: "GET /api/v1/social-workers",
    url: "/api/v1/social-workers?limit=200",
    detail: "GET /api/v1/social-workers/:id",
    resource: "socialWorker",
  },
];
