/**
 * The routes of the open interface open/open311 in the authorization matrix (QUALITY.md §1): each route →
 * how to reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { always, url, byArea, mine, type Entry, type Position, type Rule, type World } from "../../../quality/authz-rules.js";

/** A GeoReport request from the demo client into the position's community (the client's scope is the city). */
const open311Request = (format: "xml" | "json") => (world: World, position: Position) => {
  const target = byArea(`/open311/v2/requests.${format}`, "community")(world, position);
  const area = target && world.areas[position as keyof World["areas"]].community;
  return target && area
    ? { url: target.url, body: { api_key: "demo-open311-key", service_code: "repairs", jurisdiction_id: area, description: "路灯不亮" } }
    : undefined;
};

/** Open311 shows the requests that came in through Open311 (not the residents' own portal reports). */
const open311Visible: Rule = (_role, position) => (position === "own" || position === "otherResident" ? 404 : 200);

export const authz: Record<string, Entry> = {
  "GET /open311/v2/discovery.xml": { at: mine("/open311/v2/discovery.xml"), expect: always() },
  "GET /open311/v2/services.xml": { at: mine("/open311/v2/services.xml"), expect: always() },
  "GET /open311/v2/services/:service_code.xml": { at: mine("/open311/v2/services/repairs.xml"), expect: always() },
  "POST /open311/v2/requests.xml": { at: open311Request("xml"), expect: always("allowed", {}) },
  "GET /open311/v2/requests.xml": { at: mine("/open311/v2/requests.xml?api_key=demo-open311-key"), expect: always() },
  "GET /open311/v2/requests/:service_request_id.xml": {
    at: url("/open311/v2/requests/:id.xml?api_key=demo-open311-key", "need"),
    expect: open311Visible,
  },
  "GET /open311/v2/discovery.json": { at: mine("/open311/v2/discovery.json"), expect: always() },
  "GET /open311/v2/services.json": { at: mine("/open311/v2/services.json"), expect: always() },
  "GET /open311/v2/services/:service_code.json": { at: mine("/open311/v2/services/repairs.json"), expect: always() },
  "POST /open311/v2/requests.json": { at: open311Request("json"), expect: always("allowed", {}) },
  "GET /open311/v2/requests.json": { at: mine("/open311/v2/requests.json?api_key=demo-open311-key"), expect: always() },
  "GET /open311/v2/requests/:service_request_id.json": {
    at: url("/open311/v2/requests/:id.json?api_key=demo-open311-key", "need"),
    expect: open311Visible,
  },
};
