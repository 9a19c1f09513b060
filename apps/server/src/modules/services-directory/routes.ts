import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceDirectoryEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getPublicService, getService, listPublicServices, listServices } from "./queries.js";
import { createService, updateService } from "./service.js";

/** Routes of the service directory: publishers' CRUD and the public directory. */
export const serviceDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listServices(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createService(requireActor(request.ctx), request.body));
  serve(app, api.get, async (request) => getService(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateService(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.publicList, async (request) => listPublicServices(request.ctx, request.query));
  serve(app, api.publicGet, async (request) => getPublicService(request.ctx, request.params.id));
};
