/**
 * The routes of the open interface open/hsds in the authorization matrix (QUALITY.md §1): each route → how
 * to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, url, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Open interfaces and public feeds: anyone.
  "GET /open/hsds": { at: mine("/open/hsds/"), expect: always() },
  "GET /open/hsds/services": { at: mine("/open/hsds/services"), expect: always() },
  "GET /open/hsds/services/:id": { at: url("/open/hsds/services/:id", "service"), expect: always() },
  "GET /open/hsds/organizations": { at: mine("/open/hsds/organizations"), expect: always() },
  "GET /open/hsds/organizations/:id": { at: url("/open/hsds/organizations/:id", "org"), expect: always() },
  "GET /open/hsds/taxonomies": { at: mine("/open/hsds/taxonomies"), expect: always() },
  "GET /open/hsds/taxonomies/:id": { at: url("/open/hsds/taxonomies/:id", "taxonomy"), expect: always() },
  "GET /open/hsds/taxonomy_terms": { at: mine("/open/hsds/taxonomy_terms"), expect: always() },
  "GET /open/hsds/taxonomy_terms/:id": { at: url("/open/hsds/taxonomy_terms/:id", "taxonomyTerm"), expect: always() },
};
