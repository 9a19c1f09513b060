import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApplicationIdParamsSchema,
  ApplicationResultSchema,
  AwardInputSchema,
  CallDetailSchema,
  CallIdParamsSchema,
  MyReviewSchema,
  ProblemSchema,
  RankingSchema,
  ReviewDeclarationInputSchema,
  ReviewScoresInputSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getRanking, getResult } from "./queries.js";
import { awardCall, declare, score } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };
const tags = ["projects"];

/** Review (评审): conflict-of-interest declarations, scores, the ranking, the award and each applicant's result. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/applications/:id/declaration",
    {
      schema: {
        summary: "Declare a conflict of interest (with a reason) or none, after the deadline; a declared conflict is final",
        tags,
        params: ApplicationIdParamsSchema,
        body: ReviewDeclarationInputSchema,
        response: { 200: MyReviewSchema, ...writeErrors },
      },
      config: { access: "projects.review" },
    },
    async (request) => declare(requireActor(request.ctx), request.params.id, request.body),
  );

  app.put(
    "/applications/:id/scores",
    {
      schema: {
        summary: "Score criteria 0–100 with comments (no conflict declared first); editable until the award",
        tags,
        params: ApplicationIdParamsSchema,
        body: ReviewScoresInputSchema,
        response: { 200: MyReviewSchema, ...writeErrors },
      },
      config: { access: "projects.review" },
    },
    async (request) => score(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/calls/:id/ranking",
    {
      schema: {
        summary: "The purchaser's ranking after the deadline: mean weighted score over reviewers who scored every criterion",
        tags,
        params: CallIdParamsSchema,
        response: { 200: RankingSchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "calls.manage" },
    },
    async (request) => getRanking(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/calls/:id/award",
    {
      schema: {
        summary:
          "Award complete applications with a written justification (total within budget, each within the cap); the others are not awarded",
        tags,
        params: CallIdParamsSchema,
        body: AwardInputSchema,
        response: { 200: CallDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => awardCall(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/applications/:id/result",
    {
      schema: {
        summary: "The outcome of an application after the award: per-criterion averages (reviewers anonymous) and the justification",
        tags,
        params: ApplicationIdParamsSchema,
        response: { 200: ApplicationResultSchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "projects.read" },
    },
    async (request) => getResult(requireActor(request.ctx), request.params.id),
  );
};
