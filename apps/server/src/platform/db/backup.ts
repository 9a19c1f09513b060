import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./client.js";

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (error) => reject(new Error(`${command} could not start (${error.message}); install the PostgreSQL client tools`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/**
 * Writes a backup: PGlite's data directory as a gzipped tarball, or PostgreSQL's custom-format
 * dump (pg_dump). Each storage restores only its own format.
 */
export async function backupDatabase(database: Database, file: string, databaseUrl?: string): Promise<void> {
  if (database.kind === "pglite" && database.pglite) {
    const dump = await database.pglite.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return;
  }
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${databaseUrl ?? ""}`]);
}

/**
 * Restores a backup. PGlite: the current data directory is moved aside (never deleted) and the
 * tarball unpacked in its place. PostgreSQL: pg_restore --clean in one transaction.
 */
export async function restoreDatabase(
  kind: "pglite" | "postgres",
  file: string,
  target: { dataDir: string; databaseUrl?: string | undefined },
): Promise<string | null> {
  if (!existsSync(file)) {
    throw new Error(`No backup file at ${file}`);
  }
  if (kind === "pglite") {
    let movedTo: string | null = null;
    if (existsSync(target.dataDir)) {
      movedTo = `${target.dataDir}.before-restore-${Date.now()}`;
      renameSync(target.dataDir, movedTo);
    }
    const pglite = await PGlite.create({ dataDir: target.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await pglite.query("select 1");
    await pglite.close();
    return movedTo;
  }
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${target.databaseUrl ?? ""}`, file]);
  return null;
}
