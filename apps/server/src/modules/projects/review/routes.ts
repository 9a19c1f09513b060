import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { reviewEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getRanking, getResult } from "./queries.js";
import { awardCall, declare, score } from "./service.js";

/** Review (评审): conflict-of-interest declarations, scores, the ranking, the award and each applicant's result. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.declare, async (request) => declare(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.score, async (request) => score(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.ranking, async (request) => getRanking(requireActor(request.ctx), request.params.id));
  serve(app, api.award, async (request) => awardCall(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.result, async (request) => getResult(requireActor(request.ctx), request.params.id));
};
