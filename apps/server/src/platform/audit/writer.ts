import { auditLog } from "./schema.js";
import type { Db } from "../db/client.js";

export type AuditOutcome = "success" | "denied" | "failure";

export type AuditEntry = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Jurisdiction of the record; empty for platform-wide actions. */
  areaCode?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** Context for the reader. Never put personal values (ID numbers, phones, passwords) here. */
  detail?: Record<string, unknown> | undefined;
};

export type AuditOrigin = {
  actorId: string | null;
  actorLogin: string | null;
  ip: string | null;
  requestId: string | null;
};

/** Appends audit records on one database handle; inside withTx that handle is the transaction. */
export type AuditWriter = {
  record(action: string, entry?: AuditEntry): Promise<void>;
  /** The same writer on another handle (the transaction). */
  on(db: Db): AuditWriter;
  /** The same writer recording another actor (sign-in: the request has no actor yet). */
  as(actorId: string | null, actorLogin: string | null): AuditWriter;
};

export function createAuditWriter(db: Db, origin: AuditOrigin): AuditWriter {
  return {
    async record(action, entry = {}) {
      await db.insert(auditLog).values({
        actorId: origin.actorId,
        actorLogin: origin.actorLogin,
        action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        areaCode: entry.areaCode ?? "",
        ip: origin.ip,
        requestId: origin.requestId,
        outcome: entry.outcome ?? "success",
        detail: entry.detail ?? {},
      });
    },
    on(other) {
      return createAuditWriter(other, origin);
    },
    as(actorId, actorLogin) {
      return createAuditWriter(db, { ...origin, actorId, actorLogin });
    },
  };
}
