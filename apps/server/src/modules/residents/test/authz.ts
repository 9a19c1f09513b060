/**
 * The routes of the residents module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, always, url, byArea, createIn, mine, stale, type Entry, type ListEntry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Residents: street officials masked, community staff in their community, social workers the residents
  // they serve; city and district aggregates only (no residents.read at those levels).
  "GET /api/v1/residents": { at: byArea("/api/v1/residents?area_code={area}", "community"), expect: scoped() },
  "POST /api/v1/residents": {
    at: createIn("/api/v1/residents", "community"),
    expect: scoped("allowed", { community: { siblingCommunity: "denied", otherStreet: "denied", otherDistrict: "denied" } }),
  },
  "GET /api/v1/residents/count": { at: byArea("/api/v1/residents/count?area_code={area}", "community"), expect: scoped() },
  "GET /api/v1/residents/:id": {
    at: url("/api/v1/residents/:id", "resident"),
    // providers read the residents they serve (own: a case of the demo worker), masked; no one else
    expect: scoped("masked", {
      worker: { otherResident: 404 },
      org: { siblingCommunity: 404, otherStreet: 404, otherResident: 404 },
    }),
  },
  "PATCH /api/v1/residents/:id": { at: url("/api/v1/residents/:id", "resident", {}, { ...stale, data: {} }), expect: scoped("allowed") },
  "POST /api/v1/residents/:id/move": { at: url("/api/v1/residents/:id/move", "resident", {}, stale), expect: scoped("allowed") },
  "POST /api/v1/residents/:id/unmask": { at: url("/api/v1/residents/:id/unmask", "resident"), expect: scoped("allowed") },
  // Resident accounts: community staff (residents.write) link the accounts of their community to the
  // register; the target is a throwaway account with a resident membership in the position's community,
  // linked to a record of that community built for it (out of scope: 404 before the record is looked at).
  "GET /api/v1/resident-accounts": { at: byArea("/api/v1/resident-accounts?area_code={area}", "community"), expect: scoped() },
  "PUT /api/v1/resident-accounts/:user_id/link": {
    at: (world, position) => {
      const user = world.ids.linkUser?.[position];
      const resident = world.ids.linkResident?.[position];
      return user && resident ? { url: `/api/v1/resident-accounts/${user}/link`, body: { resident_id: resident } } : undefined;
    },
    expect: scoped("allowed"),
  },
  "DELETE /api/v1/resident-accounts/:user_id/link": {
    // runs after the PUT above (deletes come after writes): the own account is linked by then
    at: url("/api/v1/resident-accounts/:id/link", "linkUser"),
    expect: scoped("allowed"),
  },
  // A resident reads their own linked record (the demo resident is linked by the seed); any other
  // account is linked to nothing: 404 RESIDENT_NOT_LINKED.
  "GET /api/v1/me/resident": { at: mine("/api/v1/me/resident"), expect: always(404, { resident: 200 }) },
  "POST /api/v1/me/resident-link": {
    // the linked demo resident gets 409 RESIDENT_LINK_EXISTS before an attempt is counted (the rate limit
    // is not burned); an account without a resident membership 403
    at: mine("/api/v1/me/resident-link"),
    expect: always(403, { resident: "allowed" }),
  },
  "POST /api/v1/me/resident-link #unlinked": {
    // a throwaway resident of 丰乐社区 not linked yet stands in for the demo resident (one of its five
    // attempts an hour): the example body matches no record, 422 RESIDENT_LINK_NO_MATCH
    at: (world, position) => {
      const login = world.ids.unlinkedResidentLogin?.[position];
      return position === "own" && login ? { url: "/api/v1/me/resident-link", signInAs: { resident: login } } : undefined;
    },
    expect: always(403, { resident: 422 }),
  },
  "GET /api/v1/households": { at: byArea("/api/v1/households?area_code={area}", "community"), expect: scoped() },
  "POST /api/v1/households": {
    at: createIn("/api/v1/households", "community"),
    expect: scoped("allowed", { community: { siblingCommunity: "denied", otherStreet: "denied", otherDistrict: "denied" } }),
  },
  "GET /api/v1/households/:id": {
    // providers read served residents only, never a whole household register
    at: url("/api/v1/households/:id", "household"),
    expect: scoped(200, { org: 404, worker: 404 }),
  },
  "PATCH /api/v1/households/:id": { at: url("/api/v1/households/:id", "household", {}, { ...stale, data: {} }), expect: scoped("allowed") },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  // the residents built for the positions are all named 测试居民 (the served one is the demo's)
  {
    list: "GET /api/v1/residents",
    url: "/api/v1/residents?q=测试居民&limit=200",
    detail: "GET /api/v1/residents/:id",
    resource: "resident",
    positions: ["siblingCommunity", "otherStreet", "otherDistrict", "otherResident"],
  },
];
