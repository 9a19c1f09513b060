import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { projectIndicatorEndpoints as api } from "@sanshe/contracts";
import { requireAnyPermission } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getProjectIndicators } from "./queries.js";

/** Indicators of government purchase of services (项目化运作指标). */
export const projectIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.get, async (request) =>
    getProjectIndicators(requireAnyPermission(request.ctx, ["projects.read", "needs.dashboard"]), request.query),
  );
};
