/**
 * The platform's own routes (app.ts, not a module's) in the authorization matrix (QUALITY.md §1): each
 * route → how to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, mine, type Entry } from "./authz-rules.js";

export const authz: Record<string, Entry> = {
  "GET /api/v1/health": { at: mine("/api/v1/health"), expect: always() },
};
