import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, wrapPglite, type Database } from "../src/platform/db/client.js";

/**
 * A fresh database for one test file, cloned from the migrated template of global-setup.ts:
 * PGlite loaded from the template tarball, or on PostgreSQL `CREATE DATABASE … TEMPLATE`.
 * Close it in afterAll (an open PGlite keeps Node alive).
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `sanshe_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    await admin.end();
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: testUrl.toString(), dataDir: "", statementTimeoutMs: 10_000 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const template = readFileSync(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([template]) });
  return wrapPglite(pglite);
}
