import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  MeSchema,
  MembershipCreateSchema,
  MembershipParamsSchema,
  PasswordResetSchema,
  ProblemSchema,
  SessionCreateSchema,
  UserCreateSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSchema,
  UserUpdateSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { sessionCookie } from "../../platform/http/access.js";
import { deleteSession } from "../../platform/auth/sessions.js";
import { loadActor } from "../../platform/auth/actor.js";
import { AppError } from "../../platform/errors/app-error.js";
import { getMe, getUser, listUsers } from "./queries.js";
import { addMembership, createUser, removeMembership, resetPassword, signIn, updateUser } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.sanshe;

  app.post(
    "/session",
    {
      schema: {
        summary: "Sign in; sets an HttpOnly session cookie",
        tags: ["session"],
        body: SessionCreateSchema,
        response: { 200: MeSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
      config: { access: "public", rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
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
  );

  app.delete(
    "/session",
    {
      schema: { summary: "Sign out", tags: ["session"], response: { 204: z.null().describe("Signed out"), 401: ProblemSchema } },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) {
        await deleteSession(request.ctx.db, token);
        await request.ctx.audit.record("session.delete", { entityType: "user", entityId: request.actor?.userId });
      }
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      schema: {
        summary: "The signed-in user, memberships and permissions",
        tags: ["session"],
        response: { 200: MeSchema, 401: ProblemSchema },
      },
      config: { access: "authenticated" },
    },
    async (request) => getMe(requireActor(request.ctx)),
  );

  app.get(
    "/users",
    {
      schema: {
        summary: "List accounts in your jurisdiction",
        tags: ["users"],
        querystring: UserListQuerySchema,
        response: { 200: UserPageSchema, ...errors },
      },
      config: { access: "users.admin" },
    },
    async (request) => listUsers(requireActor(request.ctx), request.query),
  );

  app.post(
    "/users",
    {
      schema: {
        summary: "Create an account with its memberships",
        tags: ["users"],
        body: UserCreateSchema,
        response: { 201: UserSchema, ...writeErrors },
      },
      config: { access: "users.admin" },
    },
    async (request, reply) => reply.status(201).send(await createUser(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/users/:id",
    {
      schema: { summary: "One account", tags: ["users"], params: UserIdParamsSchema, response: { 200: UserSchema, ...errors } },
      config: { access: "users.admin" },
    },
    async (request) => getUser(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        summary: "Change display name or status (send the version you read)",
        tags: ["users"],
        params: UserIdParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...writeErrors },
      },
      config: { access: "users.admin" },
    },
    async (request) => updateUser(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/users/:id/memberships",
    {
      schema: {
        summary: "Grant a role in an area",
        tags: ["users"],
        params: UserIdParamsSchema,
        body: MembershipCreateSchema,
        response: { 201: UserSchema, ...writeErrors },
      },
      config: { access: "users.admin" },
    },
    async (request, reply) => reply.status(201).send(await addMembership(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.delete(
    "/users/:id/memberships/:membership_id",
    {
      schema: {
        summary: "Remove a membership",
        tags: ["users"],
        params: MembershipParamsSchema,
        response: { 204: z.null().describe("Removed"), ...writeErrors },
      },
      config: { access: "users.admin" },
    },
    async (request, reply) => {
      await removeMembership(requireActor(request.ctx), request.params.id, request.params.membership_id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/users/:id/password",
    {
      schema: {
        summary: "Set a new password; ends the user's sessions",
        tags: ["users"],
        params: UserIdParamsSchema,
        body: PasswordResetSchema,
        response: { 204: z.null().describe("Password set"), ...writeErrors },
      },
      config: { access: "users.admin" },
    },
    async (request, reply) => {
      await resetPassword(requireActor(request.ctx), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
