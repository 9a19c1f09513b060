import { sql, type SQL } from "drizzle-orm";

/** A typed SQL array of text values (drizzle expands a bare JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  return values.length === 0
    ? sql`'{}'::text[]`
    : sql`ARRAY[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;
}

/** `value` with LIKE's wildcards and escape character escaped, for a `%…%` or `…%` search pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
