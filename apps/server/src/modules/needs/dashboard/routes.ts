import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { NeedsDashboardQuerySchema, NeedsDashboardSchema, ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { createDashboardCache, getNeedsDashboard } from "./queries.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The needs dashboard (需求看板), its district-and-wider boards cached per SANSHE_DASHBOARD_CACHE_SECONDS. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const dashboardCache = createDashboardCache(app.sanshe.config.dashboardCacheSeconds);
  app.get(
    "/needs/dashboard",
    {
      schema: {
        summary: "Needs dashboard of a jurisdiction in your scope (default: yours), with one row per child area for drill-down",
        tags: ["needs"],
        querystring: NeedsDashboardQuerySchema,
        response: { 200: NeedsDashboardSchema, ...errors },
      },
      config: { access: "needs.dashboard" },
    },
    async (request) => getNeedsDashboard(requireActor(request.ctx), request.query, dashboardCache),
  );
};
