import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { needEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { createDashboardCache, getNeedsDashboard } from "./queries.js";

/** The needs dashboard (需求看板), its district-and-wider boards cached per SANSHE_DASHBOARD_CACHE_SECONDS. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const dashboardCache = createDashboardCache(app.sanshe.config.dashboardCacheSeconds);
  serve(app, api.dashboard, async (request) => getNeedsDashboard(requireActor(request.ctx), request.query, dashboardCache));
};
