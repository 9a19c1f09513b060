import type { AuditRecord } from "@sanshe/contracts";
import type { auditLog } from "../../platform/audit/schema.js";

export type AuditRow = typeof auditLog.$inferSelect;

/** An audit record as the auditor reads it (ids and sequence numbers as strings). */
export function presentAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actor_id: row.actorId,
    actor_login: row.actorLogin,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    area_code: row.areaCode,
    ip: row.ip,
    request_id: row.requestId,
    outcome: row.outcome,
    detail: row.detail,
    seq: row.seq?.toString() ?? null,
    hash: row.hash,
  };
}
