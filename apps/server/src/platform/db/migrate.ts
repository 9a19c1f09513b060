import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Database } from "./client.js";

export const migrationsFolder = fileURLToPath(new URL("../../../../../db/migrations", import.meta.url));

/** Applies db/migrations with Drizzle's migrator; one set of SQL files for both storages. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Two servers starting together must not both migrate: hold a session advisory lock meanwhile.
  const pool = database.pool;
  if (!pool) {
    throw new Error("postgres database without a pool");
  }
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(74616001)");
    await migratePostgres(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await client.query("SELECT pg_advisory_unlock(74616001)").catch(() => undefined);
    client.release();
  }
}
