/**
 * The routes of the exports module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, inArea, byArea, mine, scoped, url, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  "GET /api/v1/exports/:kind": {
    at: byArea("/api/v1/exports/residents?format=csv&area_code={area}", "community"),
    // providers export the residents they serve (masked; none in the other communities of their area)
    expect: (role, position) =>
      ["street", "community", "org", "worker"].includes(role) ? (inArea[role].includes(position) ? 200 : 404) : 403,
  },
  "GET /api/v1/exports/:kind #social-orgs": {
    // like the list: 二七区's filter lists the 二七区 organization that serves 南阳新村街道
    at: byArea("/api/v1/exports/social-orgs?format=csv&area_code={area}", "district"),
    expect: (role) => (["resident", "auditor", "department"].includes(role) ? 403 : 200),
  },
  "GET /api/v1/exports/:kind #communities": {
    at: byArea("/api/v1/exports/communities?format=csv&area_code={area}", "community"),
    expect: (role, position) => (["resident", "auditor", "department"].includes(role) ? 403 : inArea[role].includes(position) ? 200 : 404),
  },
  "GET /api/v1/exports/:kind #needs": {
    // needs.read only (officials, community staff): providers read needs through their referrals, not in bulk
    at: mine("/api/v1/exports/needs?format=csv"),
    expect: always(200, { org: 403, worker: 403, evaluator: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #referrals": {
    at: mine("/api/v1/exports/referrals?format=csv"),
    expect: always(200, { evaluator: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #contracts": {
    // projects.read, as the list (whose route the platform closes to the other roles by its access)
    at: mine("/api/v1/exports/contracts?format=csv"),
    expect: always(200, { worker: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #meetings": {
    // meetings.read, as the list: residents and auditors hold none
    at: mine("/api/v1/exports/meetings?format=csv"),
    expect: always(200, { resident: 403, auditor: 403 }),
  },
  "GET /api/v1/exports/:kind #action-items": {
    at: mine("/api/v1/exports/action-items?format=csv&role=convener"),
    expect: always(200, { resident: 403, auditor: 403 }),
  },
  "GET /api/v1/exports/:kind #announcement-receipts": {
    // the issuing side only (announcements.publish over the announcement's area), as the receipts list
    at: url("/api/v1/exports/announcement-receipts?format=csv&announcement_id=:id", "announcement"),
    expect: (role, position) =>
      ["org", "worker", "evaluator", "resident", "auditor", "department"].includes(role)
        ? 403
        : scoped(200, { community: 404 })(role, position),
  },
  "GET /api/v1/exports/:kind #calls": {
    // projects.read, as the calls list
    at: mine("/api/v1/exports/calls?format=csv"),
    expect: always(200, { worker: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #applications": {
    // projects.read, as the applications list
    at: mine("/api/v1/exports/applications?format=csv"),
    expect: always(200, { worker: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #funding-ledger": {
    // projects.read, as the ledger
    at: mine("/api/v1/exports/funding-ledger?format=csv"),
    expect: always(200, { worker: 403, resident: 403, auditor: 403, department: 403 }),
  },
  "GET /api/v1/exports/:kind #audit-log": {
    // audit.read, as the log: the auditor everywhere in the world (its scope is the city); an export is a bulk read
    at: byArea("/api/v1/exports/audit-log?format=csv&area_code={area}", "community"),
    expect: always(403, { auditor: 200 }),
  },
  "GET /api/v1/exports/:kind #cases": {
    // cases.read (community staff, social workers), though the list is open to every signed-in user: a case file's existence is never confirmed there, and nothing is exported to others
    at: mine("/api/v1/exports/cases?format=csv"),
    expect: always(403, { community: 200, worker: 200 }),
  },
};
