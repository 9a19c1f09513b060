import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Role } from "@sanshe/contracts";
import { buildApp } from "../src/app.js";
import { loadConfig, type Config } from "../src/platform/config.js";
import type { Database } from "../src/platform/db/client.js";
import { systemCtx } from "../src/platform/system.js";
import type { Ctx } from "../src/platform/ctx.js";
import { createTestDatabase } from "./test-db.js";

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A system ctx on the test database, for factories. */
  ctx: Ctx;
  close(): Promise<void>;
};

/** A full app on a fresh cloned database; `overrides` adjust the configuration (env names). */
export async function createTestApp(overrides: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestApp> {
  // Load shedding is off unless a test turns it on: a busy CI machine must not turn test requests into 503s.
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SANSHE_LOGIN_RATE_PER_MINUTE: "1000",
    SANSHE_MAX_EVENT_LOOP_DELAY_MS: "0",
    // Dashboards live: tests change data and read it back at once.
    SANSHE_DASHBOARD_CACHE_SECONDS: "0",
    SANSHE_OCDS_CACHE_SECONDS: "0",
    ...overrides,
  });
  const database = await createTestDatabase();
  const app = await buildApp({ config, database, logger: false, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    ctx: systemCtx(database.db, options.now),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const testPassword = "Test-password-2026";

/** Signs in over HTTP and returns the session cookie header value. */
export async function signIn(app: FastifyInstance, login: string, password = testPassword): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/v1/session", payload: { login, password } });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === "sanshe_session");
  if (!cookie) {
    throw new Error("no session cookie");
  }
  return `sanshe_session=${cookie.value}`;
}

type InjectOptions = { payload?: unknown; headers?: Record<string, string> };

/** A client acting as one signed-in user (after Outline's server.post(path, user, …)). */
export function as(app: FastifyInstance, cookie: string) {
  const call = (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    options: InjectOptions = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie, ...options.headers },
      ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
    });
  return {
    get: (url: string, options?: InjectOptions) => call("GET", url, options),
    post: (url: string, payload?: unknown, options?: InjectOptions) => call("POST", url, { ...options, payload: payload ?? {} }),
    put: (url: string, payload: unknown, options?: InjectOptions) => call("PUT", url, { ...options, payload }),
    patch: (url: string, payload: unknown, options?: InjectOptions) => call("PATCH", url, { ...options, payload }),
    delete: (url: string, options?: InjectOptions) => call("DELETE", url, options),
  };
}

export type Grant = { role: Role; area_code: string; organization_id?: string | null };
