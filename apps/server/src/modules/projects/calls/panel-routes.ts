import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { listReviewerCandidates } from "./panel-queries.js";

/** The purchaser's help for drafting a call: who may sit on its review panel (评审专家). */
export const callPanelRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.reviewerCandidates, async (request) => listReviewerCandidates(requireActor(request.ctx), request.query));
};
