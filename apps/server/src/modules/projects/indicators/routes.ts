import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ProblemSchema, ProjectIndicatorsQuerySchema, ProjectIndicatorsSchema } from "@sanshe/contracts";
import { requireAnyPermission } from "../../../platform/ctx.js";
import { getProjectIndicators } from "./queries.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** Indicators of government purchase of services (项目化运作指标). */
export const projectIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/indicators",
    {
      schema: {
        summary: "Purchase-of-services indicators of a jurisdiction in your scope (default: yours), with one row per child area",
        tags: ["projects"],
        querystring: ProjectIndicatorsQuerySchema,
        response: { 200: ProjectIndicatorsSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getProjectIndicators(requireAnyPermission(request.ctx, ["projects.read", "needs.dashboard"]), request.query),
  );
};
