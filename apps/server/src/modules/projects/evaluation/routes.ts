import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { evaluationEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getEvaluation, listEvaluatorCandidates } from "./queries.js";
import { closeContract, recordPurchaserEvaluation, recordThirdPartyEvaluation } from "./service.js";

/** Closing and the multi-party evaluation (结项评估). */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.evaluatorCandidates, async (request) => listEvaluatorCandidates(requireActor(request.ctx), request.params.id));
  serve(app, api.close, async (request) => closeContract(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.get, async (request) => getEvaluation(requireActor(request.ctx), request.params.id));
  serve(app, api.purchaser, async (request) => recordPurchaserEvaluation(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.thirdParty, async (request) => recordThirdPartyEvaluation(requireActor(request.ctx), request.params.id, request.body));
};
