/**
 * The routes of the needs module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import {
  inArea,
  scoped,
  always,
  only,
  url,
  byArea,
  createIn,
  mine,
  stale,
  type Entry,
  type ListEntry,
} from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Needs: residents their own, providers what is sent to them, staff and officials in their area.
  "GET /api/v1/need-categories": { at: mine("/api/v1/need-categories"), expect: always() },
  "GET /api/v1/needs": { at: mine("/api/v1/needs"), expect: always(200, { evaluator: 403, auditor: 403, department: 403 }) },
  "POST /api/v1/needs": {
    at: createIn("/api/v1/needs", "community", "area_code", { category: "sanitation", description: "楼道堆物" }),
    // staff take needs in for their community, residents report their own; officials and providers do not
    // (a resident may not name the area: mass assignment of area_code is refused)
    expect: (role, position) => (role === "community" ? (position === "own" ? "allowed" : "denied") : 403),
  },
  "GET /api/v1/needs/dashboard": { at: byArea("/api/v1/needs/dashboard?area={area}", "community"), expect: scoped() },
  "GET /api/v1/needs/:id": {
    at: url("/api/v1/needs/:id", "need"),
    // own and otherResident are both elderly care in 南阳新村街道, routed to org A: its staff and workers read them
    expect: scoped(200, {
      department: 403,
      resident: { otherResident: 404 },
      org: { siblingCommunity: 404, otherStreet: 404 },
      worker: { siblingCommunity: 404, otherStreet: 404 },
      evaluator: 403,
      auditor: 403,
    }),
  },
  "POST /api/v1/needs/:id/confirmation": {
    at: url("/api/v1/needs/:id/confirmation", "need"),
    expect: (role, position) =>
      role === "resident"
        ? position === "own"
          ? "allowed"
          : 404
        : role === "community"
          ? inArea.community.includes(position)
            ? "allowed"
            : 404
          : 403,
  },
  "POST /api/v1/needs/:id/attachments": {
    at: url("/api/v1/needs/:id/attachments", "need"),
    expect: (role, position) =>
      role === "resident"
        ? position === "own"
          ? "allowed"
          : 404
        : role === "community"
          ? inArea.community.includes(position)
            ? "allowed"
            : 404
          : 403,
  },
  "GET /api/v1/needs/:id/attachments/:attachmentId": {
    // no attachment is built: the access layer only (a missing attachment is 404 to everyone who may look)
    at: url("/api/v1/needs/:id/attachments/:attachmentId", "need", { attachmentId: "needAttachment" }),
    expect: always(404, { evaluator: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/routing-rules": {
    // the rules that apply to an area include the city's: any area's list shows those two
    at: byArea("/api/v1/routing-rules?area_code={area}", "street"),
    expect: (role) => (["city", "district", "street", "community"].includes(role) ? 200 : 403),
  },
  "POST /api/v1/routing-rules": { at: createIn("/api/v1/routing-rules", "street"), expect: scoped("allowed") },
  "PATCH /api/v1/routing-rules/:id": {
    at: url("/api/v1/routing-rules/:id", "routingRule", {}, { ...stale, data: {} }),
    expect: scoped("allowed"),
  },
  "DELETE /api/v1/routing-rules/:id": {
    // a stale version: the access answer (409) without deleting the world's rule
    at: url("/api/v1/routing-rules/:id?version=999999", "routingRule"),
    expect: scoped("allowed"),
  },
  "POST /api/v1/routing-rules/preview": {
    at: createIn("/api/v1/routing-rules/preview", "street", "area_code", { category: null, resident_groups: null, area_prefix: null }),
    expect: scoped("allowed"),
  },

  // Referrals: the provider (an organization with its staff and social workers, a worker personally,
  // or the community queue); the area's staff reassign.
  "GET /api/v1/referrals": {
    at: mine("/api/v1/referrals"),
    expect: always(200, { evaluator: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/referrals/:id": { at: url("/api/v1/referrals/:id", "referral"), expect: only({ org: ["own"], worker: ["own"] }) },
  "POST /api/v1/referrals/:id/accept": {
    at: url("/api/v1/referrals/:id/accept", "referral"),
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/complete": {
    at: url("/api/v1/referrals/:id/complete", "referral"),
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/decline": {
    at: url("/api/v1/referrals/:id/decline", "referral"),
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/reassign": {
    // the referral's holder hands it on (org A's staff and workers); the community reassigns its own queue
    at: (world, position) => {
      const target = url("/api/v1/referrals/:id/reassign", "referral")(world, position);
      return target && { ...target, body: { provider_kind: "organization", provider_id: world.ids.org?.otherOrg, reason: "转其他机构" } };
    },
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/service-records": {
    at: url("/api/v1/referrals/:id/service-records", "referral"),
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/contact": {
    // the provider only (409 REFERRAL_CONTACT_LOCKED until it accepts); everyone else 403 or 404
    at: (world, position) => {
      const target = url("/api/v1/referrals/:id/contact", "referral")(world, position);
      return target && { ...target, body: { purpose: "电话预约上门时间" } };
    },
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
  "POST /api/v1/referrals/:id/case": {
    at: url("/api/v1/referrals/:id/case", "referral"),
    expect: only({ org: ["own"], worker: ["own"] }, "allowed"),
  },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/needs", url: "/api/v1/needs?limit=200", detail: "GET /api/v1/needs/:id", resource: "need" },
];
