import type { Access } from "@sanshe/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors/app-error.js";
import type { Actor } from "../auth/actor.js";
import { resolveSessionActor, type SessionPolicy } from "../auth/sessions.js";
import type { Db } from "../db/client.js";

/**
 * Who may call a route: anyone, any signed-in user, or a user holding a permission. Every route must
 * declare one; the server refuses to start otherwise (deny by default).
 */
export type { Access };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const sessionCookie = "sanshe_session";

export type RouteAccess = { method: string; url: string; access: Access | null };

/**
 * Refuses to register a route that does not declare its access, and records every route's
 * declaration in `declared` (the route table test reads it). Only the documentation UI's own
 * asset routes and automatic HEAD routes are exempt.
 */
export function requireAccessDeclarations(app: FastifyInstance, declared: RouteAccess[] = []): RouteAccess[] {
  app.addHook("onRoute", (route) => {
    const access = route.config?.access ?? null;
    const isFrameworkRoute = route.url.startsWith("/api/docs") || route.method === "HEAD";
    if (!access && !isFrameworkRoute) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
    declared.push({ method: String(route.method), url: route.url, access });
  });
  return declared;
}

/** The actor behind the session cookie, or null. */
export async function authenticate(db: Db, request: FastifyRequest, policy: SessionPolicy, now: Date): Promise<Actor | null> {
  const token = request.cookies[sessionCookie];
  if (!token) {
    return null;
  }
  return resolveSessionActor(db, token, policy, now);
}

/** 401 without a session, 403 without the permission; public routes pass. */
export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === "public") {
    return;
  }
  if (!actor) {
    throw new AppError("UNAUTHENTICATED");
  }
  if (access !== "authenticated" && !actor.can(access)) {
    throw new AppError("FORBIDDEN");
  }
}
