/**
 * The routes of the notifications module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, only, url, mine, stale, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Notifications, preferences, calendar token: each user their own.
  "GET /api/v1/notifications": { at: mine("/api/v1/notifications"), expect: always() },
  "POST /api/v1/notifications/:id/read": {
    at: url("/api/v1/notifications/:id/read", "notification"),
    expect: only({ community: ["own"] }, "allowed"),
  },
  "POST /api/v1/notifications/read-all": { at: mine("/api/v1/notifications/read-all"), expect: always("allowed") },
  "GET /api/v1/me/notification-preferences": { at: mine("/api/v1/me/notification-preferences"), expect: always() },
  "PUT /api/v1/me/notification-preferences": { at: mine("/api/v1/me/notification-preferences", stale), expect: always("allowed") },
};
