/**
 * The routes of the jurisdictions module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, url, byArea, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Areas: every signed-in role reads the tree inside its scope.
  "GET /api/v1/areas": { at: byArea("/api/v1/areas?parent={area}", "street"), expect: scoped() },
  "GET /api/v1/areas/:code": { at: url("/api/v1/areas/:id", "area"), expect: scoped() },
};
