import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../db/client.js";
import { idempotencyKeys } from "./schema.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * false: the route's answers are never stored for Idempotency-Key replay, because they carry
     * personal values in clear (unmask) or must be audited on every call. The key is ignored.
     */
    storeIdempotentAnswer?: boolean;
  }
}

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const keyPattern = /^[A-Za-z0-9._:-]{8,128}$/;
// A reservation older than this whose request never finished (a crash) may be taken over.
const staleReservationMs = 60_000;

/**
 * Idempotency-Key for writes (IETF draft-ietf-httpapi-idempotency-key-header): the first request with
 * a key is processed and its answer stored; a retry with the same key and body gets that answer again
 * (header `idempotent-replayed: true`); the same key with another body is 422; a retry while the first
 * is still running is 409. Answers of 5xx are not kept, so a retry after a fault runs again.
 */
export function registerIdempotency(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest("idempotency", null);

  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    const actor = request.actor;
    if (typeof header !== "string" || !writeMethods.has(request.method) || !actor) {
      return;
    }
    if (request.routeOptions.config.storeIdempotentAnswer === false) {
      return;
    }
    if (!keyPattern.test(header)) {
      throw new AppError("VALIDATION_FAILED");
    }
    // Raw bodies (photo uploads) are hashed as bytes, not as a JSON array of numbers.
    const requestHash = createHash("sha256")
      .update(`${request.method} ${request.url}\n`)
      .update(Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null))
      .digest("hex");
    const staleBefore = new Date(now().getTime() - staleReservationMs);
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, actor.userId),
          eq(idempotencyKeys.key, header),
          sql`${idempotencyKeys.statusCode} IS NULL`,
          lt(idempotencyKeys.createdAt, staleBefore),
        ),
      );
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ userId: actor.userId, key: header, method: request.method, path: request.url, requestHash, createdAt: now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { userId: actor.userId, key: header };
      return;
    }
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, header)));
    if (!existing) {
      throw new AppError("IDEMPOTENCY_IN_PROGRESS");
    }
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
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const reservation = request.idempotency;
    if (!reservation) {
      return payload;
    }
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.userId, reservation.userId), eq(idempotencyKeys.key, reservation.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const body = typeof payload === "string" && payload.length > 0 ? (JSON.parse(payload) as unknown) : null;
    await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, responseBody: body }).where(where);
    return payload;
  });
}

/** Drops stored answers older than a day. */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 86_400_000)));
}
