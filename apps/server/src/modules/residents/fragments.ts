import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { residents } from "./schema.js";

/**
 * What other modules may ask of the residents table in SQL, without the table leaving this module.
 */

/**
 * SQL predicate: the resident `residentId` (a column or value of another table) belongs to at least one
 * of `groups` (the routing rules' resident-group condition, for the routing preview).
 */
export function residentInAnyGroup(residentId: SQLWrapper, groups: readonly string[]): SQL {
  const list = sql`ARRAY[${sql.join(
    groups.map((group) => sql`${group}`),
    sql`, `,
  )}]::text[]`;
  return sql`EXISTS (SELECT 1 FROM ${residents} WHERE ${residents.id} = ${residentId} AND ${residents.groups} && ${list})`;
}
