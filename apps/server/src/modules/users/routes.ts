import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sessionEndpoints, userEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { sessionCookie } from "../../platform/http/access.js";
import { serve } from "../../platform/http/endpoint.js";
import { deleteSession } from "../../platform/auth/sessions.js";
import { loadActor } from "../../platform/auth/actor.js";
import { AppError } from "../../platform/errors/app-error.js";
import { getMe, getUser, listUsers } from "./queries.js";
import { addMembership, createUser, removeMembership, resetPassword, signIn, updateUser } from "./service.js";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.sanshe;

  serve(
    app,
    sessionEndpoints.signIn,
    async (request, reply) => {
      const { token, userId } = await signIn(
        request.ctx,
        request.body,
        {
          session: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs },
          lock: { maxFailures: config.loginMaxFailures, lockMs: config.loginLockMs },
        },
        { userAgent: request.headers["user-agent"] ?? null },
      );
      reply.setCookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        path: "/",
        maxAge: Math.floor(config.sessionMaxMs / 1000),
      });
      const actor = await loadActor(request.ctx.db, userId);
      if (!actor) {
        throw new AppError("INVALID_CREDENTIALS");
      }
      return getMe({ ...request.ctx, actor });
    },
    { config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: "1 minute" } } },
  );

  serve(app, sessionEndpoints.signOut, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) {
      await deleteSession(request.ctx.db, token);
      await request.ctx.audit.record("session.delete", { entityType: "user", entityId: request.actor?.userId });
    }
    reply.clearCookie(sessionCookie, { path: "/" });
  });

  serve(app, sessionEndpoints.me, async (request) => getMe(requireActor(request.ctx)));

  serve(app, api.list, async (request) => listUsers(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createUser(requireActor(request.ctx), request.body));
  serve(app, api.get, async (request) => getUser(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateUser(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.addMembership, async (request) => addMembership(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.removeMembership, async (request) => {
    await removeMembership(requireActor(request.ctx), request.params.id, request.params.membership_id);
  });
  serve(app, api.resetPassword, async (request) => {
    await resetPassword(requireActor(request.ctx), request.params.id, request.body);
  });
};
