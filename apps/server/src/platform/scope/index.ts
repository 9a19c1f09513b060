import { sql, type SQL, type Column, type Table } from "drizzle-orm";
import { escapeLike } from "../db/sql.js";

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

/**
 * One scope prefix as a condition that an index returns newest first: a community (12 digits) is an
 * equality on area_code, a street (9) or a district (6) an equality on `left(area_code, n)` (the
 * expression indexes of the tables listed newest first), a city or wider the plain prefix range (a
 * walk of the created_at index, where nearly every row matches). Same rows as inScope(column, [prefix]).
 */
export function inPrefixIndexed(column: Column, prefix: string): SQL {
  if (!/^\d*$/.test(prefix)) {
    throw new Error(`invalid scope prefix ${JSON.stringify(prefix)}`);
  }
  switch (prefix.length) {
    case 12:
      return sql`${column} = ${prefix}`;
    case 9:
    case 6:
      return sql`left(${column}, ${sql.raw(String(prefix.length))}) = ${prefix}`;
    default:
      return sql`${column} LIKE ${`${prefix}%`}`;
  }
}

/**
 * The ids of a newest-first page whose visibility is a union of branches (scope prefixes, the
 * actor's own rows, rows addressed to them): each branch takes its own first `limit` rows from an
 * index in (at, id) order, descending, and the merge keeps the first `limit`. An OR of the branches
 * in one WHERE would leave the planner a sort of every visible row, or a walk of the whole table.
 * Use as `WHERE id IN (…)`, with the same order outside.
 */
export function newestFirstIds(
  from: Table,
  key: { id: Column; at: Column },
  branches: readonly SQL[],
  filters: readonly SQL[],
  limit: number,
): SQL {
  if (branches.length === 0) {
    return sql`(SELECT NULL::uuid WHERE false)`;
  }
  const parts = branches.map(
    (branch) =>
      sql`(SELECT ${key.id} AS id, ${key.at} AS at FROM ${from} WHERE ${sql.join([branch, ...filters], sql` AND `)} ORDER BY ${key.at} DESC, ${key.id} DESC LIMIT ${limit})`,
  );
  return sql`(SELECT u.id FROM (${sql.join(parts, sql` UNION `)}) AS u ORDER BY u.at DESC, u.id DESC LIMIT ${limit})`;
}

/** An area code, or a SQL expression holding one (another table's column, a join alias). */
type AreaOperand = string | Column | SQL;

/** A code as the start of a LIKE pattern: a literal gets its wildcards escaped and a bound `%`. */
function prefixPattern(code: AreaOperand): SQL {
  return typeof code === "string" ? sql`${`${escapeLike(code)}%`}` : sql`${code} || '%'`;
}

/**
 * Rows whose area `column` is the area `code` or lies under it: `column LIKE code || '%'`. With the
 * area_code column first and its C collation this is a btree range scan (as inScope's branches).
 */
export function withinArea(column: Column | SQL, code: AreaOperand): SQL {
  return sql`${column} LIKE ${prefixPattern(code)}`;
}

/**
 * Rows whose area `column` is the area `code` or one of its ancestors (the street or district of a
 * community): `code LIKE column || '%'`.
 */
export function ancestorOf(column: Column | SQL, code: AreaOperand): SQL {
  return sql`${typeof code === "string" ? sql`${code}` : code} LIKE ${column} || '%'`;
}

/** Rows whose area `column` lies under the area `code` or contains it: withinArea OR ancestorOf. */
export function overlapsArea(column: Column | SQL, code: AreaOperand): SQL {
  return sql`(${withinArea(column, code)} OR ${ancestorOf(column, code)})`;
}
