import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { pii } from "../../platform/pii/index.js";
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

/** SQL: the resident's street address with building, unit and room, as one text (null when none is known). */
function residentFullAddress(): SQL {
  return sql`NULLIF(concat_ws('', ${residents.address}, ${residents.building}, ${residents.unit}, ${residents.room}), '')`;
}

/**
 * SQL: whom a provider visits for the resident `residentId` (another table's column), as JSON
 * {name, phone_masked, address} or null: the phone only masked; the caller masks name and address.
 */
export function residentVisitContact(
  residentId: SQLWrapper,
): SQL<{ name: string; phone_masked: string | null; address: string | null } | null> {
  return sql`(SELECT json_build_object('name', ${residents.name}, 'phone_masked', ${residents.phoneMasked}, 'address', ${residentFullAddress()})
    FROM ${residents} WHERE ${residents.id} = ${residentId})`;
}

/**
 * The resident's name, phone (decrypted) and address, for a provider allowed to visit them (the caller
 * checks the right and writes the audit entry). Null when the resident is gone.
 */
export async function residentVisitContactUnmasked(
  ctx: Ctx,
  residentId: string,
): Promise<{ name: string; phone: string | null; address: string | null } | null> {
  const [row] = await ctx.db
    .select({ name: residents.name, phoneEnc: residents.phoneEnc, address: sql<string | null>`${residentFullAddress()}` })
    .from(residents)
    .where(eq(residents.id, residentId));
  return row ? { name: row.name, phone: row.phoneEnc ? pii().decrypt(row.phoneEnc) : null, address: row.address } : null;
}
