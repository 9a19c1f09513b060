/**
 * The routes of the meetings module in the authorization matrix (QUALITY.md §1): each route → how to reach
 * its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import {
  scoped,
  scopedAt,
  listed,
  always,
  only,
  url,
  byArea,
  createIn,
  mine,
  stale,
  type Entry,
  type ListEntry,
} from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Joint meetings: convened by a street or community; invitees read theirs.
  "GET /api/v1/meetings": { at: byArea("/api/v1/meetings?area_code={area}", "street"), expect: listed() },
  "POST /api/v1/meetings": {
    at: createIn("/api/v1/meetings", "street", "area_code", {
      starts_at: "2026-12-20T09:00:00+08:00",
      ends_at: "2026-12-20T11:00:00+08:00",
      place: { kind: "online", url: "https://meet.example.com/matrix" },
    }),
    expect: scoped("allowed", { community: "denied" }),
  },
  "GET /api/v1/meetings/invitee-options": {
    at: byArea("/api/v1/meetings/invitee-options?area_code={area}", "street"),
    expect: scopedAt("street"),
  },
  "GET /api/v1/meetings/history": {
    at: byArea("/api/v1/meetings/history?area_code={area}", "street"),
    expect: scopedAt("street", 200, { org: 404, department: 404 }),
  },
  // departments read only the meetings whose action items they own
  "GET /api/v1/meetings/:id": { at: url("/api/v1/meetings/:id", "meeting"), expect: scoped(200, { evaluator: 404, department: 404 }) },
  "PATCH /api/v1/meetings/:id": {
    at: url("/api/v1/meetings/:id", "meeting", {}, { ...stale, title: "联席会议（改期）" }),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/meetings/:id/invitees/:invitee_id/answer": {
    at: url("/api/v1/meetings/:id/invitees/:invitee_id/answer", "meeting", { invitee_id: "invitee" }),
    // only the invitee answers (the first invitee of the demo meeting is 丰乐社区's staff)
    expect: only({ community: ["own"] }, "allowed"),
  },
  "POST /api/v1/meetings/:id/invitees/:invitee_id/sign-in": {
    at: url("/api/v1/meetings/:id/invitees/:invitee_id/sign-in", "meeting", { invitee_id: "invitee" }),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/meetings/:id/sign-in": {
    // the QR token is the credential: a wrong one is 404 wherever the meeting is
    at: url("/api/v1/meetings/:id/sign-in", "meeting"),
    expect: always(404),
  },
  "PUT /api/v1/meetings/:id/minutes": {
    at: url("/api/v1/meetings/:id/minutes", "meeting", {}, stale),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/meetings/:id/minutes/amendments": {
    at: url("/api/v1/meetings/:id/minutes/amendments", "meeting", {}, { ...stale, html: "<p>更正</p>", reason: "更正笔误" }),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/meetings/:id/resolutions": {
    at: (world, position) => {
      const target = url("/api/v1/meetings/:id/resolutions", "meeting")(world, position);
      return target && { ...target, body: { agenda_item_id: world.ids.agendaItem?.own, text: "增设助餐点" } };
    },
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/meetings/:id/summary": {
    at: url("/api/v1/meetings/:id/summary", "meeting", {}, stale),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "GET /api/v1/action-items": { at: mine("/api/v1/action-items"), expect: always() },
  "GET /api/v1/action-items/:id": {
    at: url("/api/v1/action-items/:id", "actionItem"),
    expect: scoped(200, { evaluator: 404, department: 404 }),
  },
  "POST /api/v1/action-items/:id/progress": {
    at: url("/api/v1/action-items/:id/progress", "actionItem"),
    expect: scoped("allowed", { community: { own: 403 }, worker: { own: 403 }, department: 404 }),
  },
  "POST /api/v1/action-items/:id/done": {
    at: url("/api/v1/action-items/:id/done", "actionItem", {}, stale),
    expect: scoped("allowed", { community: { own: 403 }, worker: { own: 403 }, department: 404 }),
  },
  "POST /api/v1/action-items/:id/accept": {
    at: url("/api/v1/action-items/:id/accept", "actionItem", {}, stale),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "POST /api/v1/action-items/:id/return": {
    at: url("/api/v1/action-items/:id/return", "actionItem", {}, stale),
    expect: scoped("allowed", { community: { own: 403 } }),
  },
  "GET /api/v1/public/meeting-summaries": { at: byArea("/api/v1/public/meeting-summaries?area_code={area}", "street"), expect: always() },
};

/** Its lists, counted against their detail route (see ListEntry). */
export const lists: ListEntry[] = [
  { list: "GET /api/v1/meetings", url: "/api/v1/meetings?limit=200", detail: "GET /api/v1/meetings/:id", resource: "meeting" },
];
