/**
 * The routes of the api-clients module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, always, url, createIn, mine, stale, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Open311 clients (city administration)
  "GET /api/v1/api-clients": { at: mine("/api/v1/api-clients"), expect: always() },
  "POST /api/v1/api-clients": { at: createIn("/api/v1/api-clients", "district"), expect: scoped("allowed") },
  "PUT /api/v1/api-clients/:id/status": { at: url("/api/v1/api-clients/:id/status", "apiClient", {}, stale), expect: scoped("allowed") },
};
