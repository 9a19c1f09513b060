import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statfsSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { SQL } from "drizzle-orm";
import type { Logger } from "pino";

/** A Drizzle handle on either storage; inside a transaction it is the transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type StorageKind = "pglite" | "postgres";

export type Database = {
  db: Db;
  kind: StorageKind;
  /** PGlite only: the embedded instance (for backup and test cloning). */
  pglite?: PGlite;
  /** Postgres only: the pool. */
  pool?: pg.Pool;
  dataDir?: string;
  /** Statements sent through Drizzle since opening (tests assert per-request counts: no N+1). */
  stats: { queries: number };
  close(): Promise<void>;
};

/**
 * Counts every statement (tests assert query counts; the benchmark reports SQL per request). With
 * SANSHE_TRACE_SQL=1 each statement's start is also written to stderr, to see where a count comes from.
 */
function queryCounter(): { stats: { queries: number }; logger: { logQuery: (query: string) => void } } {
  const trace = Boolean(process.env.SANSHE_TRACE_SQL);
  const stats = { queries: 0 };
  return {
    stats,
    logger: {
      logQuery: (query: string) => {
        stats.queries += 1;
        if (trace) {
          process.stderr.write(`SQL ${query.slice(0, 160)}\n`);
        }
      },
    },
  };
}

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  statementTimeoutMs: number;
  logger?: Logger | undefined;
};

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Another Sanshe process (pid ${pid}) is using the data directory. ` +
        `PGlite allows one process per data directory; stop it first, or set DATABASE_URL to use PostgreSQL. (${lockFile})`,
    );
  }
}

/** Rows of a raw SQL statement, the same on both drivers. */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result: unknown = await db.execute(statement);
  return (result as { rows: T[] }).rows;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the one-process lock of a PGlite data directory; a stale lock of a dead process is replaced. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw error;
      }
      const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isFinite(pid) && isProcessAlive(pid)) {
        throw new DatabaseLockedError(lockFile, pid);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

/** Free bytes on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

type PoolClient = pg.PoolClient & { sansheBroken?: Error };

/**
 * Keeps a PostgreSQL restart from killing the process: an error on an idle client reaches the pool's
 * handler, an error on a checked-out client (57P01 between two statements of a transaction) reaches
 * the client's own handler instead of being an unhandled 'error' event, and a client that saw an
 * error is released with it, so the pool drops it rather than lending it out again. Requests in
 * flight fail with a connection error, which the error handler answers with 503 + Retry-After.
 */
export function guardPool(pool: pg.Pool, logger?: Logger): void {
  pool.on("error", (error) => logger?.warn({ err: error }, "postgres idle client error"));
  pool.on("connect", (client: PoolClient) => {
    client.on("error", (error) => {
      client.sansheBroken = error;
      logger?.warn({ err: error }, "postgres client error");
    });
  });
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const guarded = async (): Promise<PoolClient> => {
    const client = await connect();
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => release(error ?? client.sansheBroken);
    return client;
  };
  // Only the promise form (Drizzle's transactions) is wrapped; pool.query uses the callback form.
  pool.connect = ((callback?: unknown) =>
    callback === undefined ? guarded() : (connect as unknown as (cb: unknown) => void)(callback)) as typeof pool.connect;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    });
    guardPool(pool, options.logger);
    const counter = queryCounter();
    const db = drizzlePostgres({ client: pool, logger: counter.logger }) as unknown as Db;
    return { db, kind: "postgres", pool, stats: counter.stats, close: () => pool.end() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: options.dataDir });
    await pglite.exec(`SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
    const counter = queryCounter();
    const db = drizzlePglite({ client: pglite, logger: counter.logger }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      pglite,
      stats: counter.stats,
      dataDir: options.dataDir,
      close: async () => {
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Wraps an already open PGlite (a test clone) without a data directory lock. */
export function wrapPglite(pglite: PGlite): Database {
  const counter = queryCounter();
  const db = drizzlePglite({ client: pglite, logger: counter.logger }) as unknown as Db;
  return { db, kind: "pglite", pglite, stats: counter.stats, close: () => pglite.close() };
}
