import { and, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import type { AuditListQuery, AuditPage } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { auditLog } from "../../platform/audit/schema.js";
import { inScope } from "../../platform/scope/index.js";
import { notFound } from "../../platform/errors/app-error.js";
import { presentAuditRecord } from "./present.js";

/**
 * The audit log in the auditor's scope (records under their area prefixes, plus platform-wide
 * records, which carry no area), newest first, keyset-paginated by id.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listAuditLog(ctx: ActorCtx, query: AuditListQuery): Promise<AuditPage> {
  const prefixes = ctx.actor.scope("audit.read");
  const conditions: SQL[] = [or(inScope(auditLog.areaCode, prefixes), eq(auditLog.areaCode, "")) as SQL];
  if (query.area_code) {
    const area = query.area_code;
    if (!prefixes.some((prefix) => area.startsWith(prefix))) {
      throw notFound();
    }
    conditions.push(like(auditLog.areaCode, `${area}%`));
  }
  if (query.actor_login) {
    conditions.push(eq(auditLog.actorLogin, query.actor_login));
  }
  if (query.action) {
    conditions.push(
      query.action.endsWith(".")
        ? like(auditLog.action, `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        : eq(auditLog.action, query.action),
    );
  }
  if (query.entity_id) {
    conditions.push(eq(auditLog.entityId, query.entity_id));
  }
  if (query.outcome) {
    conditions.push(eq(auditLog.outcome, query.outcome));
  }
  if (query.from) {
    conditions.push(gte(auditLog.at, new Date(query.from)));
  }
  if (query.to) {
    conditions.push(lt(auditLog.at, new Date(query.to)));
  }
  if (query.cursor && /^\d{1,19}$/.test(query.cursor)) {
    conditions.push(lt(auditLog.id, BigInt(query.cursor)));
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(presentAuditRecord), next_cursor: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null };
}
