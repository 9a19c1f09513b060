/**
 * The routes of the projects module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import {
  positions,
  scoped,
  scopedAt,
  listed,
  creates,
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
  "GET /api/v1/social-orgs/:id/credit": {
    at: url("/api/v1/social-orgs/:id/credit", "org"),
    expect: scoped(200, { org: { otherOrg: 404 }, evaluator: { otherOrg: 404, otherDistrict: 404 } }),
  },
  "GET /api/v1/public/social-orgs/:id/credit": { at: url("/api/v1/public/social-orgs/:id/credit", "org"), expect: always() },

  // Purchase of services: calls by the purchaser's area; applications by their organization; panel
  // members their assigned calls.
  "GET /api/v1/calls/reviewer-candidates": {
    at: byArea("/api/v1/calls/reviewer-candidates?area_code={area}", "street"),
    expect: scopedAt("street"),
  },
  "GET /api/v1/calls": { at: mine("/api/v1/calls"), expect: always() },
  "POST /api/v1/calls": {
    at: createIn("/api/v1/calls", "street"),
    expect: creates({ city: positions, district: ["own", "otherStreet"], street: ["own"] }),
  },
  "GET /api/v1/calls/suggestion": { at: byArea("/api/v1/calls/suggestion?area={area}", "street"), expect: scopedAt("street") },
  "GET /api/v1/calls/:id": { at: url("/api/v1/calls/:id", "call"), expect: scoped() },
  "PATCH /api/v1/calls/:id": { at: url("/api/v1/calls/:id", "call", {}, { ...stale, data: {} }), expect: scopedAt("street", "allowed") },
  "POST /api/v1/calls/:id/publish": { at: url("/api/v1/calls/:id/publish", "call", {}, stale), expect: scopedAt("street", "allowed") },
  "POST /api/v1/calls/:id/cancel": { at: url("/api/v1/calls/:id/cancel", "call", {}, stale), expect: scopedAt("street", "allowed") },
  "GET /api/v1/calls/:id/applications": { at: url("/api/v1/calls/:id/applications", "call"), expect: scoped() },
  "POST /api/v1/calls/:id/applications": { at: url("/api/v1/calls/:id/applications", "call"), expect: scoped("allowed") },
  "GET /api/v1/applications": { at: mine("/api/v1/applications"), expect: always() },
  "GET /api/v1/applications/:id": {
    at: url("/api/v1/applications/:id", "application"),
    expect: scopedAt("street", 200, { org: { otherOrg: 404 } }),
  },
  "POST /api/v1/applications/:id/withdraw": {
    at: url("/api/v1/applications/:id/withdraw", "application", {}, stale),
    expect: only({ org: ["own"] }, "allowed"),
  },
  "POST /api/v1/applications/:id/attachments": {
    at: url("/api/v1/applications/:id/attachments?doc_type=plan", "application"),
    expect: only({ org: ["own"] }, "allowed"),
  },
  "GET /api/v1/applications/:id/attachments/:attachmentId": {
    // no attachment is built: the access layer only
    at: url("/api/v1/applications/:id/attachments/:attachmentId", "application", { attachmentId: "applicationAttachment" }),
    expect: always(404),
  },
  "PUT /api/v1/applications/:id/declaration": {
    // the panel; the purchasing street's official reaches the review's state rule (review closed: 409)
    at: url("/api/v1/applications/:id/declaration", "application"),
    expect: only({ evaluator: ["own", "otherOrg"], street: ["own", "otherOrg"] }, "allowed"),
  },
  "PUT /api/v1/applications/:id/scores": {
    at: url("/api/v1/applications/:id/scores", "application"),
    expect: only({ evaluator: ["own", "otherOrg"], street: ["own", "otherOrg"] }, "allowed"),
  },
  "GET /api/v1/calls/:id/ranking": { at: url("/api/v1/calls/:id/ranking", "call"), expect: scopedAt("street") },
  "POST /api/v1/calls/:id/award": { at: url("/api/v1/calls/:id/award", "call", {}, stale), expect: scopedAt("street", "allowed") },
  "GET /api/v1/applications/:id/result": {
    at: url("/api/v1/applications/:id/result", "application"),
    expect: scopedAt("street", 200, { org: { otherOrg: 404 }, evaluator: 404 }),
  },
  "POST /api/v1/applications/:id/contract": {
    at: url("/api/v1/applications/:id/contract", "application"),
    expect: scopedAt("street", "allowed"),
  },
  "GET /api/v1/contracts": { at: mine("/api/v1/contracts"), expect: always() },
  "GET /api/v1/contracts/:id": {
    // org A's contract was let by 金水区 (district level): streets and communities do not hold it
    at: url("/api/v1/contracts/:id", "contract"),
    expect: scopedAt("district", 200, { org: { otherOrg: 404 }, evaluator: 404 }),
  },
  "GET /api/v1/contracts/:id/evidence-candidates": {
    at: url("/api/v1/contracts/:id/evidence-candidates", "contract"),
    expect: only({ org: ["own"] }),
  },
  "POST /api/v1/contracts/:id/milestones/:mid/reports": {
    at: url("/api/v1/contracts/:id/milestones/:mid/reports", "contract", { mid: "milestone" }),
    expect: only({ org: ["own"] }, "allowed"),
  },
  "POST /api/v1/milestone-reports/:id/decision": {
    at: url("/api/v1/milestone-reports/:id/decision", "milestoneReport", {}, { decision: "return", reason: "请补充服务记录" }),
    expect: scoped("allowed", { community: 404 }),
  },
  "POST /api/v1/contracts/:id/attachments": {
    at: url("/api/v1/contracts/:id/attachments", "contract"),
    expect: only({ org: ["own"] }, "allowed"),
  },
  "GET /api/v1/contracts/:id/attachments/:attachmentId": {
    // no attachment is built: the access layer only
    at: url("/api/v1/contracts/:id/attachments/:attachmentId", "contract", { attachmentId: "contractAttachment" }),
    expect: always(404),
  },
  // The funding ledger: officials and community staff read the rows recorded in their area (a community:
  // its own ledger), organizations' staff their organization's rows; community and organization staff record.
  "GET /api/v1/funding-ledger": { at: mine("/api/v1/funding-ledger"), expect: always() },
  "POST /api/v1/funding-ledger": {
    at: mine("/api/v1/funding-ledger", {
      direction: "out",
      purpose: "activity",
      amount_fen: 1,
      paid_on: "2025-06-01",
      description: "授权矩阵",
    }),
    expect: always("allowed"),
  },
  "GET /api/v1/funding-ledger/summary": { at: byArea("/api/v1/funding-ledger/summary?area={area}", "district"), expect: listed() },
  "GET /api/v1/funding-ledger/balances": { at: byArea("/api/v1/funding-ledger/balances?area={area}", "district"), expect: listed() },
  // Aggregates: outside the caller's area the figures are zero (200), never another area's.
  "GET /api/v1/funding-ledger/structure": {
    at: byArea("/api/v1/funding-ledger/structure?area={area}&year=2025", "district"),
    expect: always(),
  },
  "GET /api/v1/funding-ledger/:id/attachments": {
    at: url("/api/v1/funding-ledger/:id/attachments", "ledgerEntry"),
    expect: only({
      city: "area",
      district: ["own", "siblingCommunity", "otherOrg"],
      street: ["own", "siblingCommunity"],
      community: ["own"],
    }),
  },
  "POST /api/v1/funding-ledger/:id/attachments": {
    at: url("/api/v1/funding-ledger/:id/attachments", "ledgerEntry"),
    expect: only({ community: ["own"] }, "allowed"),
  },
  "GET /api/v1/funding-ledger/:id/attachments/:attachmentId": {
    at: url("/api/v1/funding-ledger/:id/attachments/:attachmentId", "ledgerEntry", { attachmentId: "ledgerAttachment" }),
    expect: always(404),
  },
  "GET /api/v1/contracts/:id/evaluator-candidates": {
    at: url("/api/v1/contracts/:id/evaluator-candidates", "contract"),
    expect: scopedAt("district"),
  },
  "POST /api/v1/contracts/:id/closing": {
    at: url("/api/v1/contracts/:id/closing", "contract", {}, stale),
    expect: scopedAt("district", "allowed"),
  },
  // The closing evaluation: the demo's evaluated contract (南阳新村街道's, evaluated by the demo evaluator).
  "GET /api/v1/contracts/:id/evaluation": {
    at: url("/api/v1/contracts/:id/evaluation", "evaluatedContract"),
    expect: scopedAt("street", 200, { org: 404 }),
  },
  "PUT /api/v1/contracts/:id/evaluation/purchaser": {
    at: url("/api/v1/contracts/:id/evaluation/purchaser", "evaluatedContract", {}, stale),
    expect: scopedAt("street", "allowed"),
  },
  "PUT /api/v1/contracts/:id/evaluation/third-party": {
    at: url("/api/v1/contracts/:id/evaluation/third-party", "evaluatedContract", {}, stale),
    expect: only({ evaluator: ["own"] }, "allowed"),
  },
  "GET /api/v1/projects/indicators": {
    at: byArea("/api/v1/projects/indicators?area={area}", "street"),
    expect: scopedAt("street", 200, { worker: 403, resident: 403, auditor: 403, department: 403 }),
  },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/contracts", url: "/api/v1/contracts?limit=200", detail: "GET /api/v1/contracts/:id", resource: "contract" },
  { list: "GET /api/v1/calls", url: "/api/v1/calls?limit=200", detail: "GET /api/v1/calls/:id", resource: "call" },
];
