import type { Locale, Permission } from "@sanshe/contracts";
import { forbidden } from "./errors/app-error.js";
import type { Db } from "./db/client.js";
import type { Actor } from "./auth/actor.js";
import type { AuditWriter } from "./audit/writer.js";

/** What every use case receives: the database handle, who acts, the audit writer, the clock and locale. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  audit: AuditWriter;
  now: () => Date;
  locale: Locale;
  requestId: string | null;
  ip: string | null;
};

/** A ctx whose actor is known (routes with an access declaration other than public). */
export type ActorCtx = Ctx & { actor: Actor };

/**
 * Runs `fn` in one transaction; its ctx's db and audit writer are bound to it, so the change and
 * its audit record commit or fail together.
 */
export async function withTx<C extends Ctx, T>(ctx: C, fn: (txCtx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx, audit: ctx.audit.on(tx as unknown as Db) }));
}

export function requireActor(ctx: Ctx): ActorCtx {
  if (!ctx.actor) {
    throw new Error("route without an actor reached a use case that needs one");
  }
  return ctx as ActorCtx;
}

/** For a route open to holders of any of several permissions (its access declaration names one): 403 otherwise. */
export function requireAnyPermission(ctx: Ctx, permissions: readonly Permission[]): ActorCtx {
  const actor = requireActor(ctx);
  if (!permissions.some((permission) => actor.actor.can(permission))) {
    throw forbidden();
  }
  return actor;
}
