import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ProblemSchema, ReviewerCandidateListSchema, ReviewerCandidateQuerySchema } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { listReviewerCandidates } from "./panel-queries.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The purchaser's help for drafting a call: who may sit on its review panel (评审专家). */
export const callPanelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/calls/reviewer-candidates",
    {
      schema: {
        summary:
          "Users who may review a call in the area (officials of it or above, evaluators covering it); 404 unless you hold calls.manage over it",
        tags: ["projects"],
        querystring: ReviewerCandidateQuerySchema,
        response: { 200: ReviewerCandidateListSchema, ...errors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => listReviewerCandidates(requireActor(request.ctx), request.query),
  );
};
