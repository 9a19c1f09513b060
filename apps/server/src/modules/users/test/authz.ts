/**
 * The routes of the users module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, always, url, byArea, mine, stale, type Entry, type World } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  "POST /api/v1/session": { at: mine("/api/v1/session", { login: "nobody-here", password: "Wrong-password-2026" }), expect: always(401) },
  "POST /api/v1/session #locked": {
    // a locked account answers like a wrong password: the answer must not tell which logins exist
    at: (world, position) =>
      position === "own"
        ? { url: "/api/v1/session", body: { login: world.ids.lockedLogin?.own, password: "Wrong-password-2026" } }
        : undefined,
    expect: always(401),
  },
  "DELETE /api/v1/session": { at: mine("/api/v1/session"), expect: always("allowed") },
  "GET /api/v1/me": { at: mine("/api/v1/me"), expect: always() },

  // Accounts: administration at city level only.
  "GET /api/v1/users": { at: byArea("/api/v1/users?area_code={area}", "community"), expect: scoped() },
  "POST /api/v1/users": {
    at: (world, position) => {
      const area = world.areas[position as keyof World["areas"]]?.community;
      return area
        ? {
            url: "/api/v1/users",
            body: {
              login: `matrix-${position.toLowerCase()}`,
              password: "Matrix-password-2026",
              memberships: [{ role: "resident", area_code: area }],
            },
          }
        : undefined;
    },
    expect: scoped("allowed"),
  },
  "GET /api/v1/users/:id": { at: url("/api/v1/users/:id", "user"), expect: scoped() },
  "PATCH /api/v1/users/:id": { at: url("/api/v1/users/:id", "user", {}, { ...stale, data: {} }), expect: scoped("allowed") },
  "POST /api/v1/users/:id/memberships": { at: url("/api/v1/users/:id/memberships", "user"), expect: scoped("allowed") },
  "DELETE /api/v1/users/:id/memberships/:membership_id": {
    at: url("/api/v1/users/:id/memberships/:membership_id", "user", { membership_id: "membership" }),
    expect: scoped("allowed"),
  },
  "POST /api/v1/users/:id/password": { at: url("/api/v1/users/:id/password", "user"), expect: scoped("allowed") },
};
