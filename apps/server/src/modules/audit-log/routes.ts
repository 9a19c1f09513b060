import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { listAuditLog } from "./queries.js";
import { verifyChain } from "./service.js";

export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listAuditLog(requireActor(request.ctx), request.query));
  serve(app, api.verify, async (request) => verifyChain(requireActor(request.ctx)));
};
