import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { routingRuleEndpoints as api } from "@sanshe/contracts";
import { requireActor, requireAnyPermission } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { listRules, previewRule } from "./queries.js";
import { createRule, deleteRule, updateRule } from "./service.js";

/** Routing rules (分层分派) of a jurisdiction and those it inherits. */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) =>
    listRules(requireAnyPermission(request.ctx, ["routing.manage", "needs.read"]), request.query.area_code),
  );
  serve(app, api.create, async (request) => createRule(requireActor(request.ctx), request.body));
  serve(app, api.preview, async (request) => previewRule(requireActor(request.ctx), request.body));
  serve(app, api.remove, async (request) => {
    await deleteRule(requireActor(request.ctx), request.params.id, request.query.version);
  });
  serve(app, api.update, async (request) => updateRule(requireActor(request.ctx), request.params.id, request.body));
};
