import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import { auditLog } from "../../../platform/audit/schema.js";

/** The `exports.<kind>` audit rows of one actor, with their recorded filter. */
export async function exportAudits(db: Db, actorId: string, kind: string): Promise<Array<{ action: string; detail: unknown }>> {
  return db
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, `exports.${kind}`)));
}

/** The rows of an exported CSV (after the BOM and the header row), split on commas (test data has none). */
export function csvBodyRows(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
}
