import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AreaCodeParamsSchema, AreaListQuerySchema, AreaPageSchema, AreaSchema, ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getArea, listAreas } from "./queries.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/areas",
    {
      schema: {
        summary: "List areas in your jurisdiction: children of a parent, a name search, or your scope's roots",
        tags: ["jurisdictions"],
        querystring: AreaListQuerySchema,
        response: { 200: AreaPageSchema, ...errors },
      },
      config: { access: "areas.read" },
    },
    async (request) => listAreas(requireActor(request.ctx), request.query),
  );
  app.get(
    "/areas/:code",
    {
      schema: {
        summary: "One area with its path; 404 outside your jurisdiction",
        tags: ["jurisdictions"],
        params: AreaCodeParamsSchema,
        response: { 200: AreaSchema, ...errors },
      },
      config: { access: "areas.read" },
    },
    async (request) => getArea(requireActor(request.ctx), request.params.code),
  );
};
