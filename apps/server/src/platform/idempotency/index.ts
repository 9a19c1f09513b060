import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import { problemFor, classifyError } from "../http/problem.js";
import { idempotencyKeys } from "./schema.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency: Reservation | null;
  }
  interface FastifyContextConfig {
    /**
     * false: the route's answers are never stored for Idempotency-Key replay, because they carry
     * personal values in clear (unmask) or must be audited on every call. The key is ignored.
     */
    storeIdempotentAnswer?: boolean;
    /**
     * false: the route starts work that outlives its request (a background import), so it cannot run
     * inside the request's transaction. Its key is reserved before and answered after the handler;
     * such routes must be safe to run twice by their own state (a job commits once).
     */
    requestTransaction?: boolean;
  }
}

/** What the request transaction does once the answer is known. */
type Outcome = { commit: false } | { commit: true; statusCode: number; body: unknown };

type Reservation =
  | { mode: "reservation"; userId: string; key: string }
  | { mode: "transaction"; userId: string; key: string; settle: (outcome: Outcome) => void; finished: Promise<void> };

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const keyPattern = /^[A-Za-z0-9._:-]{8,128}$/;
// Routes outside the request transaction only: a reservation older than this whose request never
// finished (a crash) may be taken over.
const staleReservationMs = 60_000;

/** Thrown inside the request transaction to roll it back on purpose. */
class RollbackRequest extends Error {
  constructor() {
    super("request transaction rolled back");
  }
}

type HeldTransaction = { tx: Db; settle: (outcome: Outcome) => void; finished: Promise<void> };

/**
 * Opens a transaction that stays open until `settle` is called: `claim` runs first in it (false:
 * roll back and return null); then the request's work runs on `tx`; then the answer is stored and
 * the whole commits, or everything rolls back. `finished` settles when it has committed or not.
 */
async function holdTransaction(
  db: Db,
  claim: (tx: Db) => Promise<boolean>,
  store: (tx: Db, outcome: Outcome & { commit: true }) => Promise<void>,
): Promise<HeldTransaction | null> {
  let settle!: (outcome: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => {
    settle = resolve;
  });
  let open!: (tx: Db | null) => void;
  const opened = new Promise<Db | null>((resolve) => {
    open = resolve;
  });
  const finished = db.transaction(async (tx) => {
    const handle = tx as unknown as Db;
    if (!(await claim(handle))) {
      open(null);
      throw new RollbackRequest();
    }
    open(handle);
    const result = await outcome;
    if (!result.commit) {
      throw new RollbackRequest();
    }
    await store(handle, result);
  });
  // Nobody may be waiting on `finished` (a rollback on purpose): never an unhandled rejection.
  finished.catch(() => undefined);
  const tx = await Promise.race([opened, finished.then(() => null)]);
  if (!tx) {
    await finished.catch(() => undefined);
    return null;
  }
  return { tx, settle, finished };
}

function hashRequest(request: FastifyRequest): string {
  // Raw bodies (photo uploads) are hashed as bytes, not as a JSON array of numbers.
  return createHash("sha256")
    .update(`${request.method} ${request.url}\n`)
    .update(Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null))
    .digest("hex");
}

type StoredKey = typeof idempotencyKeys.$inferSelect;

async function findKey(db: Db, userId: string, key: string): Promise<StoredKey | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

/** Sends the stored answer again, or refuses: another body (422), still running (409). */
function replay(existing: StoredKey, requestHash: string, reply: FastifyReply): FastifyReply {
  if (existing.requestHash !== requestHash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED");
  }
  if (existing.statusCode === null) {
    throw new AppError("IDEMPOTENCY_IN_PROGRESS");
  }
  reply.header("idempotent-replayed", "true");
  if (existing.statusCode >= 400) {
    reply.type("application/problem+json; charset=utf-8");
  }
  if (existing.responseBody === null) {
    return reply.status(existing.statusCode).send();
  }
  return reply.status(existing.statusCode).send(existing.responseBody);
}

function parseBody(payload: unknown): unknown {
  if (typeof payload !== "string" || payload.length === 0) {
    return null;
  }
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return null;
  }
}

/**
 * Idempotency-Key for writes (IETF draft-ietf-httpapi-idempotency-key-header), exactly once: a keyed
 * write runs in one request transaction that first claims the key, then does the route's work (its
 * `withTx` blocks become savepoints of it), then stores the answer, and commits before the answer is
 * sent. So a retry after any failure either finds the first answer (header `idempotent-replayed:
 * true`) or finds nothing and runs once; an answer of 5xx rolls everything back. The same key with
 * another body is 422. A retry while the first is running waits for it on PostgreSQL (the claim is a
 * primary key) and then replays; PGlite runs transactions one at a time anyway.
 */
export function registerIdempotency(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest("idempotency", null);

  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    const actor = request.actor;
    if (typeof header !== "string" || !writeMethods.has(request.method) || !actor) {
      return;
    }
    const config = request.routeOptions.config;
    if (config.storeIdempotentAnswer === false) {
      return;
    }
    if (!keyPattern.test(header)) {
      throw new AppError("VALIDATION_FAILED");
    }
    const requestHash = hashRequest(request);
    const where = and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, header));
    const values = { userId: actor.userId, key: header, method: request.method, path: request.url, requestHash, createdAt: now() };

    if (config.requestTransaction === false) {
      const staleBefore = new Date(now().getTime() - staleReservationMs);
      await db
        .delete(idempotencyKeys)
        .where(and(where, sql`${idempotencyKeys.statusCode} IS NULL`, lt(idempotencyKeys.createdAt, staleBefore)));
      const inserted = await db.insert(idempotencyKeys).values(values).onConflictDoNothing().returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) {
        request.idempotency = { mode: "reservation", userId: actor.userId, key: header };
        return;
      }
      const existing = await findKey(db, actor.userId, header);
      if (!existing) {
        throw new AppError("IDEMPOTENCY_IN_PROGRESS");
      }
      return replay(existing, requestHash, reply);
    }

    const existing = await findKey(db, actor.userId, header);
    if (existing) {
      return replay(existing, requestHash, reply);
    }
    const held = await holdTransaction(
      db,
      async (tx) => {
        const claimed = await tx.insert(idempotencyKeys).values(values).onConflictDoNothing().returning({ key: idempotencyKeys.key });
        return claimed.length > 0;
      },
      async (tx, outcome) => {
        await tx.update(idempotencyKeys).set({ statusCode: outcome.statusCode, responseBody: outcome.body }).where(where);
      },
    );
    if (!held) {
      // Another request with this key committed meanwhile.
      const committed = await findKey(db, actor.userId, header);
      if (!committed) {
        throw new AppError("IDEMPOTENCY_IN_PROGRESS");
      }
      return replay(committed, requestHash, reply);
    }
    request.idempotency = { mode: "transaction", userId: actor.userId, key: header, settle: held.settle, finished: held.finished };
    request.ctx = { ...request.ctx, db: held.tx, audit: request.ctx.audit.on(held.tx) };
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const reservation = request.idempotency;
    if (!reservation) {
      return payload;
    }
    request.idempotency = null;
    if (reservation.mode === "reservation") {
      const where = and(eq(idempotencyKeys.userId, reservation.userId), eq(idempotencyKeys.key, reservation.key));
      if (reply.statusCode >= 500) {
        await db.delete(idempotencyKeys).where(where);
        return payload;
      }
      await db
        .update(idempotencyKeys)
        .set({ statusCode: reply.statusCode, responseBody: parseBody(payload) })
        .where(where);
      return payload;
    }
    if (reply.statusCode >= 500) {
      reservation.settle({ commit: false });
      await reservation.finished.catch(() => undefined);
      return payload;
    }
    reservation.settle({ commit: true, statusCode: reply.statusCode, body: parseBody(payload) });
    try {
      await reservation.finished;
      return payload;
    } catch (error) {
      if (reply.statusCode >= 400) {
        // A refusal: nothing of it was kept, so a retry runs again and is refused again.
        return payload;
      }
      // The write did not commit (or it is unknown whether it did): never acknowledge it. A retry
      // with the key finds the stored answer if the commit went through, or runs once.
      const classified = classifyError(error);
      const code = classified.code === "INTERNAL" ? "DATABASE_UNAVAILABLE" : classified.code;
      request.log.error({ err: error }, "committing the request transaction failed");
      const problem = problemFor(code, request.locale, { params: classified.params, requestId: request.id });
      reply.status(problem.status).type("application/problem+json; charset=utf-8").removeHeader("idempotent-replayed");
      if (problem.status === 503) {
        reply.header("retry-after", "5");
      }
      return JSON.stringify(problem);
    }
  });

  // A response that left without passing onSend (hijacked) must not keep its transaction open.
  app.addHook("onResponse", async (request) => {
    const reservation = request.idempotency;
    if (reservation?.mode === "transaction") {
      request.idempotency = null;
      reservation.settle({ commit: false });
      await reservation.finished.catch(() => undefined);
    }
  });
}

/** Drops stored answers older than a day. */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 86_400_000)));
}
