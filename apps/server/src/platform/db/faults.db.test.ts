import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../app.js";
import { loadConfig } from "../config.js";
import type { Database } from "./client.js";
import { createStorageGuard } from "./storage-guard.js";
import { classifyError } from "../http/problem.js";
import { systemCtx } from "../system.js";
import { createTestDatabase } from "../../../test/test-db.js";
import { as, signIn } from "../../../test/test-app.js";
import { buildUser } from "../../modules/users/test/factories.js";

/**
 * Storage faults: a nearly full disk refuses writes at once with 507 STORAGE_FULL (before PGlite is
 * touched) while reads go on, and writes come back by themselves; a PostgreSQL connection killed
 * under a checked-out client (a restart) does not kill the process.
 */

let app: FastifyInstance;
let database: Database;
let free = 10 * 1_048_576;
const community = "410105007002";
let login: string;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SANSHE_LOGIN_RATE_PER_MINUTE: "1000",
    SANSHE_MAX_EVENT_LOOP_DELAY_MS: "0",
  });
  database = await createTestDatabase();
  const storageGuard = createStorageGuard({ dir: null, minFreeBytes: 8 * 1_048_576, intervalMs: 0, read: () => free });
  app = await buildApp({ config, database, logger: false, storageGuard });
  await app.ready();
  login = (await buildUser(systemCtx(database.db), [{ role: "resident", area_code: community }])).login;
});

afterAll(async () => {
  await app.close();
  await database.close();
});

describe("a nearly full disk", () => {
  it("refuses writes with 507 STORAGE_FULL without touching the database, keeps reads and sign-in, and recovers", async () => {
    const resident = as(app, await signIn(app, login));
    const need = { category: "elderly_care", description: "磁盘将满时提交" };
    expect((await resident.post("/api/v1/needs", need)).statusCode).toBe(201);

    free = 2 * 1_048_576;
    const before = database.stats.queries;
    const refused = await resident.post("/api/v1/needs", need, { headers: { "idempotency-key": "disk-full-0001" } });
    expect(database.stats.queries).toBe(before);
    expect(refused.statusCode).toBe(507);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({ code: "STORAGE_FULL", title: "存储空间不足" });
    const english = await resident.post("/api/v1/needs", need, { headers: { "accept-language": "en" } });
    expect(english.json()).toMatchObject({ code: "STORAGE_FULL", title: "Insufficient storage" });
    const list = await resident.get("/api/v1/needs");
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    const again = as(app, await signIn(app, login));
    expect((await again.get("/api/v1/needs")).statusCode).toBe(200);

    free = 100 * 1_048_576;
    const accepted = await resident.post("/api/v1/needs", need, { headers: { "idempotency-key": "disk-full-0001" } });
    expect(accepted.statusCode).toBe(201);
    expect((await resident.get("/api/v1/needs")).json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it("maps a disk-full error of the database or the file system to STORAGE_FULL", () => {
    expect(classifyError(Object.assign(new Error("could not extend file"), { code: "53100" })).code).toBe("STORAGE_FULL");
    expect(classifyError(Object.assign(new Error("write failed"), { code: "ENOSPC" })).code).toBe("STORAGE_FULL");
    const wrapped = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("disk full"), { code: "53100" }) });
    expect(classifyError(wrapped).code).toBe("STORAGE_FULL");
  });

  it("answers 503 when every pooled connection is busy past the connection timeout", () => {
    expect(classifyError(new Error("timeout exceeded when trying to connect")).code).toBe("DATABASE_UNAVAILABLE");
  });
});

describe("a PostgreSQL connection killed under a checked-out client", () => {
  it.runIf(Boolean(process.env.DATABASE_URL))("keeps the process running, drops the client and serves again", async () => {
    const pool = database.pool as pg.Pool;
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const clients = pool.totalCount;
    // No listener of the test's own: without the pool's guard the 'error' event would be unhandled.
    const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
    // What a restart does to every backend: 57P01 terminating connection due to administrator command.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
    await admin.end();
    await ended;
    client.release();
    expect(pool.totalCount).toBe(clients - 1);
    const health = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(health.statusCode).toBe(200);
  });
});
