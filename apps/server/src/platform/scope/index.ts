import { sql, type SQL, type Column } from "drizzle-orm";

/**
 * The one place jurisdiction scope becomes SQL: `column LIKE prefix || '%'` for each prefix, OR-ed.
 * Prefixes are digit strings (validated area codes), and area_code columns use the C collation, so
 * each branch is a btree range scan. No prefix at all matches nothing (deny by default).
 */
export function inScope(column: Column | SQL, prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) {
    return sql`false`;
  }
  for (const prefix of prefixes) {
    if (!/^\d*$/.test(prefix)) {
      throw new Error(`invalid scope prefix ${JSON.stringify(prefix)}`);
    }
  }
  const branches = prefixes.map((prefix) => sql`${column} LIKE ${`${prefix}%`}`);
  return sql`(${sql.join(branches, sql` OR `)})`;
}
