/**
 * The routes of the home module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Every signed-in role gets its own to-dos (counted in its own scope); anonymous callers get 401.
  "GET /api/v1/home/todos": { at: mine("/api/v1/home/todos"), expect: always() },
};
