/**
 * The routes of the audit-log module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, always, byArea, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Audit log: the audit role only.
  "GET /api/v1/audit-log": { at: byArea("/api/v1/audit-log?area_code={area}", "community"), expect: scoped() },
  "POST /api/v1/audit-log/verify": { at: mine("/api/v1/audit-log/verify"), expect: always("allowed") },
};
