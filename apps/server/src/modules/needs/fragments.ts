import { sql, type SQL } from "drizzle-orm";
import { withinArea } from "../../platform/scope/index.js";
import { serviceRecords } from "./schema.js";

/**
 * What other modules may ask of the needs tables in SQL, without the tables leaving this module.
 */

/**
 * SQL subquery: the service records (服务记录) under `areaCode` served on a day in [from, to], as rows
 * (area_code, on_date, minutes), for `FROM (…) AS s` in other modules' reports (the workload picture).
 */
export function serviceMinutesUnder(areaCode: string, from: string, to: string): SQL {
  return sql`SELECT ${serviceRecords.areaCode} AS area_code, ${serviceRecords.servedOn} AS on_date, ${serviceRecords.minutes} AS minutes
    FROM ${serviceRecords}
    WHERE ${withinArea(serviceRecords.areaCode, areaCode)} AND ${serviceRecords.servedOn} BETWEEN ${from}::date AND ${to}::date`;
}
