/**
 * The routes of the imports module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, only, url, mine, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Spreadsheets: a job is its creator's; exports check scope and permission before the first byte.
  "POST /api/v1/imports": { at: mine("/api/v1/imports?kind=residents&file_name=a.csv"), expect: always("allowed") },
  "GET /api/v1/imports": { at: mine("/api/v1/imports"), expect: always() },
  "GET /api/v1/imports/kinds": { at: mine("/api/v1/imports/kinds"), expect: always() },
  "GET /api/v1/imports/:id": { at: url("/api/v1/imports/:id", "importJob"), expect: only({ community: ["own"] }) },
  "POST /api/v1/imports/:id/commit": {
    at: url("/api/v1/imports/:id/commit", "importJob"),
    expect: only({ community: ["own"] }, "allowed"),
  },
  "POST /api/v1/imports/:id/resume": {
    at: url("/api/v1/imports/:id/resume", "importJob"),
    expect: only({ community: ["own"] }, "allowed"),
  },
  "GET /api/v1/imports/templates/:kind": { at: mine("/api/v1/imports/templates/residents"), expect: always() },
};
