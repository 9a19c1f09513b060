import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { areaEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getArea, listAreas } from "./queries.js";

export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listAreas(requireActor(request.ctx), request.query));
  serve(app, api.get, async (request) => getArea(requireActor(request.ctx), request.params.code));
};
