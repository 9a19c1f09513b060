import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { needEndpoints as api } from "@sanshe/contracts";
import { requireAnyPermission } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getNeed, listCategories, listNeeds } from "./queries.js";
import { confirmNeed, createNeed } from "./service.js";

const readers = ["needs.read", "needs.report", "referrals.handle"] as const;
const reporters = ["needs.report", "needs.write"] as const;

/** Needs (需求): the categories, the list and intake (GET and POST /needs). */
export const needListRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.categories, async (request) => listCategories(request.ctx));
  serve(app, api.list, async (request) => listNeeds(requireAnyPermission(request.ctx, readers), request.query));
  serve(app, api.report, async (request) => createNeed(requireAnyPermission(request.ctx, reporters), request.body));
};

/** One need (需求) and the resident's confirmation that closes it. */
export const needItemRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.get, async (request) => getNeed(requireAnyPermission(request.ctx, readers), request.params.id));
  serve(app, api.confirm, async (request) => confirmNeed(requireAnyPermission(request.ctx, reporters), request.params.id, request.body));
};
