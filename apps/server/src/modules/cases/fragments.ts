import { sql, type SQL } from "drizzle-orm";
import { withinArea } from "../../platform/scope/index.js";
import { cases, caseSessions } from "./schema.js";

/**
 * What other modules may ask of the case files in SQL, without the tables leaving this module: counts
 * and minutes only, nothing of a case's content.
 */

/**
 * SQL subquery: the sessions of cases under `areaCode` (the case's community) held on a day in
 * [from, to], as rows (area_code, on_date, minutes), for `FROM (…) AS c` in other modules' reports.
 */
export function caseSessionMinutesUnder(areaCode: string, from: string, to: string): SQL {
  return sql`SELECT ${cases.areaCode} AS area_code, ${caseSessions.date} AS on_date, ${caseSessions.minutes} AS minutes
    FROM ${caseSessions} JOIN ${cases} ON ${cases.id} = ${caseSessions.caseId}
    WHERE ${withinArea(cases.areaCode, areaCode)} AND ${caseSessions.date} BETWEEN ${from}::date AND ${to}::date`;
}
