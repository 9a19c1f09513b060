import { existsSync, readFileSync } from "node:fs";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyUnderPressure from "@fastify/under-pressure";
import { AppError } from "./platform/errors/app-error.js";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { HealthSchema, type Locale, ProblemSchema } from "@sanshe/contracts";
import type { Config } from "./platform/config.js";
import { configurePii } from "./platform/pii/index.js";
import type { Database } from "./platform/db/client.js";
import { createStorageGuard, type StorageGuard } from "./platform/db/storage-guard.js";
import type { Ctx } from "./platform/ctx.js";
import type { Actor } from "./platform/auth/actor.js";
import { createAuditWriter } from "./platform/audit/writer.js";
import { sealAuditLog } from "./platform/audit/chain.js";
import { pickLocale } from "./platform/i18n/locale.js";
import { authenticate, checkAccess, requireAccessDeclarations, type Access, type RouteAccess } from "./platform/http/access.js";
import { problemFor, sendProblem } from "./platform/http/problem.js";
import { registerBrowserGuards } from "./platform/http/browser-guards.js";
import { registerJsonBodyParser } from "./platform/http/json-body.js";
import { registerIdempotency } from "./platform/idempotency/index.js";
import { assembly } from "./modules/registry.js";
import { registerOpenRoutes } from "./open/index.js";
import { createMailer, type Mailer } from "./platform/mail/index.js";
import { systemCtx } from "./platform/system.js";
import type { ExportSpec, ImportSpec, JobEnv } from "./platform/module.js";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    ctx: Ctx;
  }
  interface FastifyInstance {
    sanshe: {
      config: Config;
      database: Database;
      now: () => Date;
      routes: RouteAccess[];
      importSpecs: Map<string, ImportSpec>;
      exportSpecs: Map<string, ExportSpec>;
      /** Keeps work that outlives its request (import jobs) so close() waits for it. */
      background(work: Promise<unknown>): void;
      /** Resolves when no background work is running (tests, shutdown). */
      idle(): Promise<void>;
    };
  }
}

export type AppDeps = {
  config: Config;
  database: Database;
  /** Injectable clock (tests). */
  now?: () => Date;
  /** Run the audit sealer every this many ms (0: never; tests seal explicitly). */
  sealIntervalMs?: number;
  /**
   * Run the modules' jobs (escalations, e-mails and digests, clean-ups: `Job` in platform/module.ts)
   * every this many ms (0 or absent: never; the server passes the configured interval).
   */
  escalationIntervalMs?: number;
  /** Mail transport (tests); default: SMTP when configured, else the log. */
  mailer?: Mailer;
  /** Free-space guard of the data directory (tests inject a reading); default: statfs of PGlite's directory. */
  storageGuard?: StorageGuard;
  logger?: boolean;
};

/** Builds the Fastify app (no listen): the API under /api, the built web console at /. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.now ?? (() => new Date());
  const db = database.db;
  configurePii(config.piiKey);
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], censor: "[redacted]" },
          },
    bodyLimit: 1_048_576,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  const routes: RouteAccess[] = [];
  const running = new Set<Promise<unknown>>();
  app.decorate("sanshe", {
    config,
    database,
    now,
    routes,
    importSpecs: assembly.importSpecs,
    exportSpecs: assembly.exportSpecs,
    background(work) {
      const tracked = work.finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async idle() {
      while (running.size > 0) {
        await Promise.allSettled([...running]);
      }
    },
  });
  app.addHook("onClose", async () => app.sanshe.idle());
  if (config.piiKeyIsDevelopment && !config.isProduction) {
    app.log.warn("SANSHE_PII_KEY is not set: personal data is encrypted with the fixed development key");
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("locale", "zh-CN");
  app.decorateRequest("actor", null);
  app.decorateRequest("ctx", null as unknown as Ctx);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  registerJsonBodyParser(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time; Swagger UI inlines small styles too.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new Error("rate limited"), { statusCode: 429, retryAfter: context.after }),
  });
  if (config.maxEventLoopDelayMs > 0) {
    // Shed load early: when the event loop lags, answer 503 + Retry-After at once rather than time out.
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      sampleInterval: Math.min(1000, Math.max(10, Math.floor(config.maxEventLoopDelayMs / 2))),
      pressureHandler: (request, reply) => {
        sendProblem(new AppError("OVERLOADED"), request, reply);
      },
    });
  }
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sanshe API",
        description:
          "三社联动平台 API. Errors are RFC 9457 problem+json with a stable `code`; lists use keyset pagination `{ items, next_cursor }`.",
        version: config.version,
        license: { name: "Apache-2.0", identifier: "Apache-2.0" },
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "sanshe_session" } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () => app.swagger());

  requireAccessDeclarations(app, routes);

  const storageGuard =
    deps.storageGuard ??
    createStorageGuard({
      dir: database.dataDir ?? null,
      minFreeBytes: config.writeMinFreeBytes,
      ...(config.faultFreeMbFile ? { read: readFaultFreeBytes(config.faultFreeMbFile) } : {}),
      onChange: (writable, free) =>
        writable
          ? app.log.info({ freeMb: Math.floor(free / 1_048_576) }, "disk space is back: writes are accepted again")
          : app.log.error({ freeMb: Math.floor(free / 1_048_576) }, "disk space is low: writes are refused with 507 until space is freed"),
    });
  // Before anything touches the database: a write on a nearly full disk is refused at once (PGlite
  // hangs on a full disk); reads, signing in and out go on.
  app.addHook("onRequest", async (request) => {
    if (readMethods.has(request.method) || request.url.split("?")[0] === "/api/v1/session" || storageGuard.writable()) {
      return;
    }
    request.locale = pickLocale(request.headers["accept-language"]);
    throw new AppError("STORAGE_FULL");
  });

  registerBrowserGuards(app, { trustedOriginHosts: config.trustedOriginHosts });
  app.addHook("onRequest", async (request) => {
    request.locale = pickLocale(request.headers["accept-language"]);
    const access = (request.routeOptions.config as { access?: Access }).access;
    const needsActor = access !== undefined && access !== "public";
    const actor = needsActor || request.cookies.sanshe_session ? await authenticate(db, request, sessionPolicy(config), now()) : null;
    request.actor = actor;
    request.ctx = {
      db,
      actor,
      audit: createAuditWriter(db, {
        actorId: actor?.userId ?? null,
        actorLogin: actor?.login ?? null,
        ip: request.ip,
        requestId: request.id,
      }),
      now,
      locale: request.locale,
      requestId: request.id,
      ip: request.ip,
    };
    if (access) {
      checkAccess(access, actor);
    }
  });
  registerIdempotency(app, db, now);

  app.get(
    "/api/v1/health",
    {
      schema: { summary: "Health of the server and its database", tags: ["platform"], response: { 200: HealthSchema, 503: ProblemSchema } },
      config: { access: "public" },
    },
    async () => {
      await database.db.execute("select 1");
      return { status: "ok" as const, database: database.kind, version: config.version };
    },
  );
  for (const module of assembly.modules) {
    await app.register(module.routes, { prefix: "/api/v1" });
  }
  await registerOpenRoutes(app);

  const hasWeb = existsSync(config.webDist);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, serve: false });
    app.get("/", { schema: { hide: true }, config: { access: "public" } }, (_request, reply) => reply.sendFile("index.html"));
    app.get("/assets/*", { schema: { hide: true }, config: { access: "public" } }, (request, reply) =>
      reply.sendFile(`assets/${(request.params as { "*": string })["*"]}`),
    );
    // The installable web app (issue 17): its manifest and icons, from apps/web/public.
    app.get("/manifest.webmanifest", { schema: { hide: true }, config: { access: "public" } }, (_request, reply) =>
      reply.type("application/manifest+json; charset=utf-8").sendFile("manifest.webmanifest"),
    );
    app.get("/icons/*", { schema: { hide: true }, config: { access: "public" } }, (request, reply) =>
      reply.sendFile(`icons/${(request.params as { "*": string })["*"]}`),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    // "/api" and "/api/…" are the API; "/api-clients" is a console page (reloading it must not answer 404).
    if (/^\/api(?:[/?]|$)/.test(request.url) || request.url.startsWith("/open/") || !hasWeb || request.method !== "GET") {
      return reply
        .status(404)
        .type("application/problem+json; charset=utf-8")
        .send(problemFor("ROUTE_NOT_FOUND", pickLocale(request.headers["accept-language"]), { requestId: request.id }));
    }
    // Client-side routes of the single-page console.
    return reply.sendFile("index.html");
  });

  if (deps.sealIntervalMs && deps.sealIntervalMs > 0) {
    const timer = setInterval(() => {
      if (!storageGuard.writable()) {
        return;
      }
      sealAuditLog(db).catch((error: unknown) => app.log.warn({ err: error }, "audit sealing failed; will retry"));
    }, deps.sealIntervalMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
  if (deps.escalationIntervalMs && deps.escalationIntervalMs > 0) {
    const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }, app.log);
    let sweeping = false;
    const timer = setInterval(() => {
      if (sweeping || !storageGuard.writable()) {
        return;
      }
      sweeping = true;
      app.sanshe.background(
        runJobs(systemCtx(db, now), { config, mailer }, app.log).finally(() => {
          sweeping = false;
        }),
      );
    }, deps.escalationIntervalMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
  return app;
}

/** One sweep: every module's job in phase order; a failing job is logged and the next one still runs. */
async function runJobs(ctx: Ctx, env: JobEnv, log: FastifyBaseLogger): Promise<void> {
  for (const job of assembly.jobs) {
    try {
      const result = await job.run(ctx, env);
      if (result.changed) {
        log.info({ job: job.name }, `${job.name}: ${result.summary}`);
      }
    } catch (error) {
      log.warn({ err: error, job: job.name }, `${job.name} failed; will retry`);
    }
  }
}

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** SANSHE_FAULT_FREE_MB_FILE: the fault suite's simulated free space where it may not mount a small file system. */
function readFaultFreeBytes(file: string): () => number {
  return () => Number.parseFloat(readFileSync(file, "utf8")) * 1_048_576;
}

export function sessionPolicy(config: Config) {
  return { idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs };
}
