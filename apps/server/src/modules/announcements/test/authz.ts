/**
 * The routes of the announcements module in the authorization matrix (QUALITY.md §1): each route → how to
 * reach its target record in each position, and the answer each role should get there.
 * quality/authz-matrix.db.test.ts finds this file by its path and walks it; the roles, positions and rules
 * are described in quality/authz-rules.ts.
 */
import { scoped, scopedAt, always, url, byArea, mine, stale, type Entry } from "../../../quality/authz-rules.js";

export const authz: Record<string, Entry> = {
  // Announcements: recipients read; publishers in their area.
  "GET /api/v1/announcements": { at: mine("/api/v1/announcements"), expect: always() },
  "POST /api/v1/announcements": { at: mine("/api/v1/announcements"), expect: always("allowed") },
  "GET /api/v1/announcements/audience-organizations": {
    at: byArea("/api/v1/announcements/audience-organizations?area_code={area}", "street"),
    expect: scopedAt("street"),
  },
  "GET /api/v1/announcements/sent": { at: mine("/api/v1/announcements/sent"), expect: always() },
  "GET /api/v1/announcements/:id": {
    // its recipients and its publishers (the demo one goes to staff and organizations of 南阳新村街道)
    at: url("/api/v1/announcements/:id", "announcement"),
    expect: scoped(200, { evaluator: 404, resident: 404, auditor: 404, department: 404 }),
  },
  "PATCH /api/v1/announcements/:id": {
    at: url("/api/v1/announcements/:id", "announcement", {}, stale),
    expect: scoped("allowed", { community: 404 }),
  },
  "GET /api/v1/announcements/:id/receipts": {
    at: url("/api/v1/announcements/:id/receipts", "announcement"),
    expect: scoped(200, { community: 404 }),
  },
  "GET /api/v1/announcements/:id/unread": {
    at: url("/api/v1/announcements/:id/unread", "announcement"),
    expect: scoped(200, { community: 404 }),
  },
  "POST /api/v1/announcements/:id/attachments": {
    at: url("/api/v1/announcements/:id/attachments", "announcement"),
    expect: scoped("allowed", { community: 404 }),
  },
  "GET /api/v1/announcements/:id/attachments/:attachmentId": {
    // no attachment is built: the access layer only
    at: url("/api/v1/announcements/:id/attachments/:attachmentId", "announcement", { attachmentId: "announcementAttachment" }),
    expect: always(404),
  },
};
