import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { homeEndpoints as api } from "@sanshe/contracts/home";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { createDashboardCache } from "../needs/index.js";
import { getHomeTodos } from "./queries.js";

/** 首页: the signed-in user's to-do list (officials' figures share the dashboard's cache period). */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const cache = app.sanshe.config.dashboardCacheSeconds > 0 ? createDashboardCache(app.sanshe.config.dashboardCacheSeconds) : null;
  serve(app, api.todos, async (request) => getHomeTodos(requireActor(request.ctx), cache));
};
