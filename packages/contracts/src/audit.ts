import { z } from "zod";
import { AreaCodeSchema, countedPageOf, PageQuerySchema, sortQuery, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

export const AuditOutcomeSchema = z.enum(["success", "denied", "failure"]).describe("Outcome of the action");

export const AuditRecordSchema = z.object({
  id: z.string().describe("Record number"),
  at: TimestampSchema.describe("When"),
  actor_id: UuidSchema.nullable().describe("Who (null for the system or an anonymous caller)"),
  actor_login: z.string().nullable().describe("Login of the actor at the time"),
  action: z.string().describe("What, e.g. session.create, users.create, areas.import"),
  entity_type: z.string().nullable().describe("Kind of record acted on"),
  entity_id: z.string().nullable().describe("Which record"),
  area_code: z.string().describe("Jurisdiction of the record (empty for platform-wide actions)"),
  ip: z.string().nullable().describe("From where"),
  request_id: z.string().nullable().describe("Request identifier"),
  outcome: AuditOutcomeSchema,
  detail: z.record(z.string(), z.unknown()).describe("Context without personal values"),
  seq: z.string().nullable().describe("Position in the hash chain, once sealed"),
  hash: z.string().nullable().describe("SM3 hash linking this record to the previous one, once sealed"),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/**
 * The columns the audit log sorts by: the time only (action and actor would each need an index on the
 * largest, append-only table, paid on every write).
 */
export const AUDIT_SORTS = ["at"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

export const AuditListQuerySchema = PageQuerySchema.extend({
  actor_login: z.string().trim().max(64).optional().describe("Only this actor"),
  action: z.string().trim().max(64).optional().describe("Action, or a prefix ending in '.' such as users."),
  entity_id: z.string().trim().max(64).optional().describe("Only this record"),
  area_code: AreaCodeSchema.optional().describe("Only records under this code"),
  outcome: AuditOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe("From this instant (inclusive)"),
  to: z.iso.datetime({ offset: true }).optional().describe("Before this instant"),
  sort: sortQuery(AUDIT_SORTS, "-at"),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
/** The audit-log export's filter: the list's filters and sort without paging. */
export const AuditExportFilterSchema = AuditListQuerySchema.omit({ cursor: true, limit: true });
export type AuditExportFilter = z.infer<typeof AuditExportFilterSchema>;

export const AuditPageSchema = countedPageOf(AuditRecordSchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean().describe("True when every sealed record links to the previous one"),
  verified: z.number().int().describe("Number of records checked"),
  first_broken: z
    .object({ id: z.string(), seq: z.string(), reason: z.string() })
    .nullable()
    .describe("The first record whose link or content does not match"),
  sealed_until: z.string().nullable().describe("Chain position of the last sealed record"),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const auditEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/audit-log",
    summary: "Read the audit log in your jurisdiction (newest first unless sorted), with its capped total",
    tags: ["audit"],
    access: "audit.read",
    query: AuditListQuerySchema,
    status: 200,
    response: AuditPageSchema,
  }),
  verify: endpoint({
    method: "POST",
    path: "/audit-log/verify",
    summary: "Seal pending records and verify the whole hash chain",
    tags: ["audit"],
    access: "audit.read",
    status: 200,
    response: AuditVerificationSchema,
  }),
};
