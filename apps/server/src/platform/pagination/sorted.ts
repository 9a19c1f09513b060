import { sql, type Column, type SQL, type Table } from "drizzle-orm";
import { z } from "zod";
import { TOTAL_CAP } from "@sanshe/contracts";
import { queryRows, type Db } from "../db/client.js";
import { cursorCodec, cursorId, invalidCursor } from "./cursor.js";

/**
 * How a sort column's value travels in a cursor (always as text, read back with this type):
 * `instant` timestamptz, `date`, `number` (numeric), `text` (compared in the column's collation).
 */
export type SortKind = "instant" | "date" | "number" | "text";

/** One allow-listed sort column of a list: the SQL it orders by, its kind, and whether it may be NULL. */
export type SortColumn = { expr: Column | SQL; kind: SortKind; nullable?: boolean };

/** The sort columns a list allows, by the name used in `sort=`. */
export type SortColumns<C extends string> = Record<C, SortColumn>;

/** A parsed `sort=`: which column, which direction. */
export type Sort<C extends string> = { column: C; descending: boolean };

const patterns: Record<SortKind, RegExp> = {
  instant: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  number: /^-?\d{1,30}(\.\d{1,30})?$/,
  text: /^[\s\S]{0,400}$/u,
};

const casts: Record<SortKind, SQL | null> = {
  instant: sql`timestamptz`,
  date: sql`date`,
  number: sql`numeric`,
  text: null,
};

/**
 * How a list's rows are identified (the tie-breaker of every sort): a UUID, or a bigserial (the audit
 * log), which travels in the cursor as its decimal digits.
 */
export type RowIdKind = "uuid" | "bigint";

const rowIdPatterns: Record<RowIdKind, RegExp> = { uuid: /^[0-9a-f-]{36}$/, bigint: /^\d{1,19}$/ };

/** The cursor of a sorted list: `[sort, value as text or null, id]`; a cursor of another sort is refused. */
const sortedCursor = cursorCodec(
  z.tuple([z.string().max(64), z.string().max(400).nullable(), z.union([cursorId, z.string().regex(rowIdPatterns.bigint)])]),
);

/** Reads `sort=` (already validated against the allow-list by the contract), or the list's default. */
export function parseSort<C extends string>(value: string | undefined, fallback: `${C}` | `-${C}`): Sort<C> {
  const chosen = value ?? fallback;
  return chosen.startsWith("-") ? { column: chosen.slice(1) as C, descending: true } : { column: chosen as C, descending: false };
}

/** The order of a sorted list: the column (NULLs last in both directions), then the id the same way. */
export function sortOrder(column: SortColumn, descending: boolean, id: Column | SQL): SQL {
  const direction = descending ? sql`DESC` : sql`ASC`;
  return sql`${column.expr} ${direction} NULLS LAST, ${id} ${direction}`;
}

/** The column's value as cursor text (select it beside the row). */
export function sortValueOf(column: SortColumn): SQL<string | null> {
  return sql<string | null>`(${column.expr})::text`;
}

function typed(column: SortColumn, value: string): SQL {
  const cast = casts[column.kind];
  return cast ? sql`${value}::${cast}` : sql`${value}`;
}

/**
 * The keyset condition "after (value, id)" in the order of sortOrder: a row comparison (index-friendly)
 * for a column that is never NULL; with NULLs last, the NULL rows follow every value, and among
 * themselves go by id.
 */
export function sortedAfter(
  column: SortColumn,
  descending: boolean,
  id: Column | SQL,
  value: string | null,
  lastId: string,
  idKind: RowIdKind = "uuid",
): SQL {
  const beyond = descending ? sql`<` : sql`>`;
  const lastIdValue = idKind === "bigint" ? sql`${lastId}::bigint` : sql`${lastId}::uuid`;
  if (value === null) {
    return sql`(${column.expr} IS NULL AND ${id} ${beyond} ${lastIdValue})`;
  }
  if (!column.nullable) {
    return sql`((${column.expr}, ${id}) ${beyond} (${typed(column, value)}, ${lastIdValue}))`;
  }
  return sql`(${column.expr} ${beyond} ${typed(column, value)} OR (${column.expr} = ${typed(column, value)} AND ${id} ${beyond} ${lastIdValue}) OR ${column.expr} IS NULL)`;
}

/**
 * Keyset paging of a list under any of its allowed sorts. The cursor carries the sort it was made
 * under, the sort value of the page's last row (as text, null for NULL) and its id.
 */
export type SortedKeyset<C extends string> = {
  sort: Sort<C>;
  column: SortColumn;
  /** ORDER BY of the list. */
  order: SQL;
  /** The keyset condition of the page after the cursor, or null on the first page. */
  after: SQL | null;
  /** The select field holding the sort value, for `cursorOf`. */
  value: SQL<string | null>;
  /** The cursor after a row, from its sort value (selected with `value`) and id. */
  cursorOf(value: string | null, id: string): string;
};

/**
 * Parses `sort=` and the cursor of a sorted list.
 * @throws AppError VALIDATION_FAILED (querystring.cursor) when the cursor is unreadable, was made
 *   under another sort, or holds a value that is not of the column's kind or an id of another kind.
 */
export function sortedKeyset<C extends string>(
  columns: SortColumns<C>,
  options: {
    sort: string | undefined;
    fallback: `${C}` | `-${C}`;
    cursor: string | undefined;
    id: Column | SQL;
    /** How the rows are identified; UUIDs unless said otherwise. */
    idKind?: RowIdKind;
  },
): SortedKeyset<C> {
  const idKind = options.idKind ?? "uuid";
  const sort = parseSort<C>(options.sort, options.fallback);
  const column = columns[sort.column];
  if (!column) {
    throw new Error(`sort column ${sort.column} is not allow-listed`);
  }
  const sortName = `${sort.descending ? "-" : ""}${sort.column}`;
  let after: SQL | null = null;
  if (options.cursor) {
    const decoded = sortedCursor.decodeOrThrow(options.cursor, "invalid cursor");
    const [cursorSort, value, lastId] = decoded;
    if (
      cursorSort !== sortName ||
      !rowIdPatterns[idKind].test(lastId) ||
      (value !== null && !patterns[column.kind].test(value)) ||
      (value === null && !column.nullable)
    ) {
      throw invalidCursor("invalid cursor");
    }
    after = sortedAfter(column, sort.descending, options.id, value, lastId, idKind);
  }
  return {
    sort,
    column,
    order: sortOrder(column, sort.descending, options.id),
    after,
    value: sortValueOf(column),
    cursorOf: (value, id) => sortedCursor.encode([sortName, value, id]),
  };
}

/**
 * The ids of a sorted page whose visibility is a union of branches (as newestFirstIds, under any
 * sort): each branch takes its own first `limit` rows in the sort's order, the merge keeps the first
 * `limit`. Use as `WHERE id IN (…)` with the same order outside.
 */
export function sortedIds(
  from: Table,
  id: Column,
  keyset: Pick<SortedKeyset<string>, "column" | "sort">,
  branches: readonly SQL[],
  filters: readonly SQL[],
  limit: number,
): SQL {
  if (branches.length === 0) {
    return sql`(SELECT NULL::uuid WHERE false)`;
  }
  const parts = branches.map(
    (branch) =>
      sql`(SELECT ${id} AS id, ${keyset.column.expr} AS v FROM ${from} WHERE ${sql.join([branch, ...filters], sql` AND `)} ORDER BY ${sortOrder(keyset.column, keyset.sort.descending, id)} LIMIT ${limit})`,
  );
  const outer = sortOrder({ ...keyset.column, expr: sql`u.v` }, keyset.sort.descending, sql`u.id`);
  return sql`(SELECT u.id FROM (${sql.join(parts, sql` UNION `)}) AS u ORDER BY ${outer} LIMIT ${limit})`;
}

/**
 * The total of a list: an exact count up to TOTAL_CAP, past it `{ total: TOTAL_CAP, capped: true }`
 * (the count stops after TOTAL_CAP + 1 rows, so it stays cheap at city scale). `from` is the FROM
 * clause with its joins, `where` the scope and filters (never the cursor).
 */
export async function countCapped(db: Db, from: SQL, where: SQL | undefined): Promise<{ total: number; capped: boolean }> {
  const condition = where ?? sql`true`;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${condition} LIMIT ${TOTAL_CAP + 1}) AS counted`,
  );
  const n = Number(rows[0]?.n ?? 0);
  return n > TOTAL_CAP ? { total: TOTAL_CAP, capped: true } : { total: n, capped: false };
}
