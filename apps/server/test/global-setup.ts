import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, wrapPglite, type Database } from "../src/platform/db/client.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { systemCtx } from "../src/platform/system.js";
import { seedAreas } from "../src/modules/jurisdictions/seed.js";
import { seedNeedCategories } from "../src/modules/needs/index.js";
import { sealAll } from "../src/platform/audit/chain.js";

/**
 * Builds the template every db test file starts from: migrated, with the real 郑州 divisions (the
 * reference data) and nothing else. PGlite: a data-directory tarball; PostgreSQL: a template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const seed = async (database: Database) => {
    await migrateDatabase(database);
    await seedAreas(systemCtx(database.db), { demoPassword: "unused-here-1", minFreeBytes: 0, log: () => undefined });
    await seedNeedCategories(systemCtx(database.db));
    await sealAll(database.db);
  };
  if (url) {
    const templateName = `sanshe_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.query(`CREATE DATABASE ${templateName}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateName}`;
    const database = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: "", statementTimeoutMs: 30_000 });
    await seed(database);
    await database.close();
    project.provide("pgTemplate", templateName);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanshe-template-"));
  const pglite = new PGlite();
  const database = wrapPglite(pglite);
  await seed(database);
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
