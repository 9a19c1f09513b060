/**
 * The routes of the open interface open/ical in the authorization matrix (QUALITY.md §1): each route → how
 * to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, byArea, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  "GET /calendar/areas/:file": { at: byArea("/calendar/areas/{area}.ics", "street"), expect: always() },
  "GET /calendar/users/:file": { at: mine("/calendar/users/not-a-token.ics"), expect: always(404) },
};
