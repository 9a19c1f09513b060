import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogEndpoints as api } from "@sanshe/contracts/admin-tasks";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { listCatalog } from "./queries.js";
import { createCatalogItem, removeCatalogItem, updateCatalogItem } from "./service.js";

/** The community work catalogue (社区工作事项清单): read by everyone in admin-tasks, kept by district and city officials. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listCatalog(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createCatalogItem(requireActor(request.ctx), request.body));
  serve(app, api.update, async (request) => updateCatalogItem(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.remove, async (request) => removeCatalogItem(requireActor(request.ctx), request.params.id));
};
