// expect: routes-no-sql
// Rule 2: a route file (here routes.ts in a sub-folder of the module) imports drizzle-orm.
import { sql } from "drizzle-orm";

export const query = sql`select 1`;
