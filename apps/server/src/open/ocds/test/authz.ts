/**
 * The routes of the open interface open/ocds in the authorization matrix (QUALITY.md §1): each route → how
 * to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, url, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  "GET /open/ocds/releases": { at: mine("/open/ocds/releases"), expect: always() },
  "GET /open/ocds/records/:ocid": { at: url("/open/ocds/records/:id", "ocid"), expect: always() },
};
