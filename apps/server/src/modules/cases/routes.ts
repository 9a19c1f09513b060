import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { caseEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getCase, listCases } from "./queries.js";
import { addGoal, addReview, addSession, closeCase, openCase, updateCase, updateGoal } from "./service.js";

/** Casework (个案): case files with plan, sessions, reviews and closing. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listCases(requireActor(request.ctx), request.query));
  serve(app, api.open, async (request) => openCase(requireActor(request.ctx), request.body));
  serve(app, api.get, async (request) => getCase(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateCase(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.addGoal, async (request) => addGoal(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.updateGoal, async (request) =>
    updateGoal(requireActor(request.ctx), request.params.id, request.params.goal_id, request.body),
  );
  serve(app, api.addSession, async (request) => addSession(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.addReview, async (request) => addReview(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.close, async (request) => closeCase(requireActor(request.ctx), request.params.id, request.body));
};
