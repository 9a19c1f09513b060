import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actionItemEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getActionItem, listActionItems } from "./queries.js";
import { acceptActionItem, addProgress, markActionItemDone, returnActionItem } from "./service.js";

/** Action items (督办事项) of meeting resolutions: their owners report progress, conveners accept or return them. */
export const actionItemRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listActionItems(requireActor(request.ctx), request.query));
  serve(app, api.get, async (request) => getActionItem(requireActor(request.ctx), request.params.id));
  serve(app, api.addProgress, async (request) => addProgress(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.markDone, async (request) => markActionItemDone(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.accept, async (request) => acceptActionItem(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.return, async (request) => returnActionItem(requireActor(request.ctx), request.params.id, request.body));
};
