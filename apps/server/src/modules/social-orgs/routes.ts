import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { OrganizationListQuerySchema, OrganizationRefPageSchema, ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { listOrganizations } from "./queries.js";

export const socialOrgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/social-orgs",
    {
      schema: {
        summary: "List social organizations serving areas in your jurisdiction",
        tags: ["social-orgs"],
        querystring: OrganizationListQuerySchema,
        response: { 200: OrganizationRefPageSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
      config: { access: "areas.read" },
    },
    async (request) => listOrganizations(requireActor(request.ctx), request.query),
  );
};
