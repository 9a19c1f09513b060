import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ContractClosingSchema,
  ContractDetailSchema,
  ContractIdParamsSchema,
  EvaluatorCandidateListSchema,
  ProblemSchema,
  ProjectEvaluationSchema,
  PurchaserEvaluationSchema,
  ThirdPartyEvaluationSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getEvaluation, listEvaluatorCandidates } from "./queries.js";
import { closeContract, recordPurchaserEvaluation, recordThirdPartyEvaluation } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Closing and the multi-party evaluation (结项评估). */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:id/evaluator-candidates",
    {
      schema: {
        summary: "Users you may assign as the contract's third-party evaluator (projects.evaluate over its area)",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        response: { 200: EvaluatorCandidateListSchema, ...errors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => listEvaluatorCandidates(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/contracts/:id/closing",
    {
      schema: {
        summary:
          "Close a contract whose milestones are all accepted, or terminate it with a reason, and assign the third-party evaluator (send the version you read)",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        body: ContractClosingSchema,
        response: { 200: ContractDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => closeContract(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/contracts/:id/evaluation",
    {
      schema: {
        summary: "The closing evaluation: each party's score, the weights applied, total and grade",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        response: { 200: ProjectEvaluationSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => getEvaluation(requireActor(request.ctx), request.params.id),
  );

  app.put(
    "/contracts/:id/evaluation/purchaser",
    {
      schema: {
        summary: "The purchaser's score (0–100) and comment (send the evaluation version you read)",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        body: PurchaserEvaluationSchema,
        response: { 200: ProjectEvaluationSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => recordPurchaserEvaluation(requireActor(request.ctx), request.params.id, request.body),
  );

  app.put(
    "/contracts/:id/evaluation/third-party",
    {
      schema: {
        summary: "The assigned evaluator's achieved value per KPI, score (0–100) and comment (send the evaluation version you read)",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        body: ThirdPartyEvaluationSchema,
        response: { 200: ProjectEvaluationSchema, ...writeErrors },
      },
      config: { access: "projects.evaluate" },
    },
    async (request) => recordThirdPartyEvaluation(requireActor(request.ctx), request.params.id, request.body),
  );
};
