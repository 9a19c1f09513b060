import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { repositoryRoot } from "../src/platform/config.js";
import { openDatabase, type Database } from "../src/platform/db/client.js";

const run = promisify(execFile);
const bin = path.join(repositoryRoot, "apps/server/bin/sanshe.mjs");

/**
 * Storage of its own for tests that run the real `sanshe` command: a PGlite directory, or a fresh
 * PostgreSQL database when DATABASE_URL is set.
 */
export async function createCliStorage(name: string, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sanshe-${name}-`));
  const dataDir = path.join(dir, "data");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...extraEnv };
  delete env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let drop = async () => undefined as unknown;
  if (process.env.DATABASE_URL) {
    const database = `sanshe_${name.replace(/\W/g, "_")}_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    env.DATABASE_URL = databaseUrl;
    drop = async () => {
      const dropper = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    env.SANSHE_DATA_DIR = dataDir;
  }
  return {
    dir,
    env,
    /** Runs `sanshe …` to completion: exit code and everything it printed. */
    async sanshe(...args: string[]): Promise<{ code: number; out: string }> {
      try {
        const { stdout } = await run(process.execPath, [bin, ...args], { env, cwd: dir, timeout: 120_000 });
        return { code: 0, out: stdout };
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: e.code ?? -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
      }
    },
    /** Starts `sanshe …` without waiting (to kill it mid-way). */
    start(...args: string[]): ChildProcess {
      return spawn(process.execPath, [bin, ...args], { env, cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    },
    /** Opens the same storage directly (close it before the next command on PGlite). */
    open(): Promise<Database> {
      return openDatabase({ databaseUrl, dataDir, statementTimeoutMs: 10_000 });
    },
    isPostgres: databaseUrl !== undefined,
    async dispose() {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
