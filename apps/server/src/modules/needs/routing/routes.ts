import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  NeedIdParamsSchema,
  ProblemSchema,
  RoutingRuleCreateSchema,
  RoutingRuleListQuerySchema,
  RoutingRuleListSchema,
  RoutingRuleSchema,
  RoutingRuleUpdateSchema,
} from "@sanshe/contracts";
import { requireActor, requireAnyPermission } from "../../../platform/ctx.js";
import { listRules } from "./queries.js";
import { createRule, updateRule } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Routing rules (分层分派) of a jurisdiction and those it inherits. */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/routing-rules",
    {
      schema: {
        summary: "Routing rules of your jurisdiction and those it inherits, most specific owner first",
        tags: ["routing"],
        querystring: RoutingRuleListQuerySchema,
        response: { 200: RoutingRuleListSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listRules(requireAnyPermission(request.ctx, ["routing.manage", "needs.read"]), request.query.area_code),
  );

  app.post(
    "/routing-rules",
    {
      schema: {
        summary: "Create a routing rule for a jurisdiction you manage",
        tags: ["routing"],
        body: RoutingRuleCreateSchema,
        response: { 201: RoutingRuleSchema, ...writeErrors },
      },
      config: { access: "routing.manage" },
    },
    async (request, reply) => reply.status(201).send(await createRule(requireActor(request.ctx), request.body)),
  );

  app.patch(
    "/routing-rules/:id",
    {
      schema: {
        summary: "Change a routing rule (send the version you read)",
        tags: ["routing"],
        params: NeedIdParamsSchema,
        body: RoutingRuleUpdateSchema,
        response: { 200: RoutingRuleSchema, ...writeErrors },
      },
      config: { access: "routing.manage" },
    },
    async (request) => updateRule(requireActor(request.ctx), request.params.id, request.body),
  );
};
