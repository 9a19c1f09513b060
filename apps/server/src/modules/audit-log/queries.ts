import { and, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { AuditListQuery, AuditPage, AuditSort } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { auditLog } from "../../platform/audit/schema.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { notFound } from "../../platform/errors/app-error.js";
import { pageOf } from "../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../platform/pagination/sorted.js";
import { presentAuditRecord } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

/** The sorts of the audit log (sort= allow-list in the contract); `audit_log_at_id_idx` serves them. */
export const auditSortColumns: SortColumns<AuditSort> = {
  at: { expr: auditLog.at, kind: "instant" },
};

/**
 * The audit log in the auditor's scope (records under their area prefixes, plus platform-wide
 * records, which carry no area), newest first unless sorted, keyset-paginated under the sort (ties by
 * id), with the capped total: the page and the count at once.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope; VALIDATION_FAILED for a
 *   cursor that is unreadable or of another sort.
 */
export async function listAuditLog(ctx: ActorCtx, query: AuditListQuery): Promise<AuditPage> {
  const prefixes = ctx.actor.scope("audit.read");
  const conditions: SQL[] = [or(inScope(auditLog.areaCode, prefixes), eq(auditLog.areaCode, "")) as SQL];
  if (query.area_code) {
    const area = query.area_code;
    if (!prefixes.some((prefix) => area.startsWith(prefix))) {
      throw notFound();
    }
    conditions.push(withinArea(auditLog.areaCode, area));
  }
  if (query.actor_login) {
    conditions.push(eq(auditLog.actorLogin, query.actor_login));
  }
  if (query.action) {
    conditions.push(query.action.endsWith(".") ? like(auditLog.action, `${escapeLike(query.action)}%`) : eq(auditLog.action, query.action));
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
  const keyset = sortedKeyset(auditSortColumns, {
    sort: query.sort,
    fallback: "-at",
    cursor: query.cursor,
    id: auditLog.id,
    idKind: "bigint",
  });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ row: auditLog, sortValue: keyset.value })
      .from(auditLog)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${auditLog}`, where),
  ]);
  return {
    ...pageOf(
      rows,
      query.limit,
      ({ row }) => presentAuditRecord(row),
      (last) => keyset.cursorOf(last.sortValue, last.row.id.toString()),
    ),
    ...total,
  };
}
