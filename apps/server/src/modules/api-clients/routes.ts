import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { apiClientEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { createApiClient, listApiClients, setApiClientStatus } from "./service.js";

/** Open311 API clients, managed by the city (or district) administrator. */
export const apiClientRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listApiClients(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createApiClient(requireActor(request.ctx), request.body));
  serve(app, api.setStatus, async (request) => setApiClientStatus(requireActor(request.ctx), request.params.id, request.body));
};
