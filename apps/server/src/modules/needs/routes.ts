import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  NeedCategoryListSchema,
  NeedConfirmationSchema,
  NeedCreateSchema,
  NeedDetailSchema,
  NeedIdParamsSchema,
  NeedListQuerySchema,
  NeedPageSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireAnyPermission } from "../../platform/ctx.js";
import { getNeed, listCategories, listNeeds } from "./queries.js";
import { confirmNeed, createNeed } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Needs (需求): the categories, the list and intake (GET and POST /needs). */
export const needListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/need-categories",
    {
      schema: {
        summary: "Need categories with default tier and service-level clock",
        tags: ["needs"],
        response: { 200: NeedCategoryListSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listCategories(request.ctx),
  );

  app.get(
    "/needs",
    {
      schema: {
        summary: "Needs in your jurisdiction (residents: your own), newest first",
        tags: ["needs"],
        querystring: NeedListQuerySchema,
        response: { 200: NeedPageSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listNeeds(requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]), request.query),
  );

  app.post(
    "/needs",
    {
      schema: {
        summary: "Report a need (residents for themselves; staff for a resident) — routed at once; Idempotency-Key supported",
        tags: ["needs"],
        body: NeedCreateSchema,
        response: { 201: NeedDetailSchema, ...writeErrors },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) =>
      reply.status(201).send(await createNeed(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.body)),
  );
};

/** One need (需求) and the resident's confirmation that closes it. */
export const needItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/needs/:id",
    {
      schema: {
        summary: "One need with its history and referrals; 404 outside your scope",
        tags: ["needs"],
        params: NeedIdParamsSchema,
        response: { 200: NeedDetailSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getNeed(requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]), request.params.id),
  );

  app.post(
    "/needs/:id/confirmation",
    {
      schema: {
        summary: "Confirm a done need: solved closes it, not solved reopens and re-routes it",
        tags: ["needs"],
        params: NeedIdParamsSchema,
        body: NeedConfirmationSchema,
        response: { 200: NeedDetailSchema, ...writeErrors },
      },
      config: { access: "authenticated" },
    },
    async (request) => confirmNeed(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.params.id, request.body),
  );
};
