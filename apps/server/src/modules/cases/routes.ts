import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CaseCloseSchema,
  CaseCreateSchema,
  CaseGoalCreateSchema,
  CaseGoalParamsSchema,
  CaseGoalUpdateSchema,
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CasePageSchema,
  CaseReviewCreateSchema,
  CaseSchema,
  CaseSessionCreateSchema,
  CaseUpdateSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getCase, listCases } from "./queries.js";
import { addGoal, addReview, addSession, closeCase, openCase, updateCase, updateGoal } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["cases"];

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/cases",
    {
      schema: {
        summary: "List the cases you may read (your own, those you supervise, or your community's as community staff)",
        tags,
        querystring: CaseListQuerySchema,
        response: { 200: CasePageSchema, ...errors },
      },
      config: { access: "cases.read" },
    },
    async (request) => listCases(requireActor(request.ctx), request.query),
  );

  app.post(
    "/cases",
    {
      schema: {
        summary: "Open a case for a resident in your scope (you become its worker)",
        tags,
        body: CaseCreateSchema,
        response: { 201: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request, reply) => reply.status(201).send(await openCase(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/cases/:id",
    {
      schema: {
        summary: "One case file with plan, sessions and reviews (every read is audited)",
        tags,
        params: CaseIdParamsSchema,
        response: { 200: CaseSchema, ...errors },
      },
      // Any signed-in user: the confidentiality rule answers 404 to everyone else (officials included),
      // so a case's existence is never confirmed by a 403.
      config: { access: "authenticated" },
    },
    async (request) => getCase(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/cases/:id",
    {
      schema: {
        summary: "Change the assessment or move the case to its next stage (send the version you read)",
        tags,
        params: CaseIdParamsSchema,
        body: CaseUpdateSchema,
        response: { 200: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request) => updateCase(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/cases/:id/goals",
    {
      schema: {
        summary: "Add a goal to the case plan",
        tags,
        params: CaseIdParamsSchema,
        body: CaseGoalCreateSchema,
        response: { 201: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request, reply) => reply.status(201).send(await addGoal(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.patch(
    "/cases/:id/goals/:goal_id",
    {
      schema: {
        summary: "Change a goal of the plan (send the goal's version)",
        tags,
        params: CaseGoalParamsSchema,
        body: CaseGoalUpdateSchema,
        response: { 200: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request) => updateGoal(requireActor(request.ctx), request.params.id, request.params.goal_id, request.body),
  );

  app.post(
    "/cases/:id/sessions",
    {
      schema: {
        summary: "Record a session (service record) of a case in service",
        tags,
        params: CaseIdParamsSchema,
        body: CaseSessionCreateSchema,
        response: { 201: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request, reply) => reply.status(201).send(await addSession(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.post(
    "/cases/:id/reviews",
    {
      schema: {
        summary: "Record a review of a case at stage review (continue sends it back to service)",
        tags,
        params: CaseIdParamsSchema,
        body: CaseReviewCreateSchema,
        response: { 201: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request, reply) => reply.status(201).send(await addReview(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.post(
    "/cases/:id/close",
    {
      schema: {
        summary: "Close a reviewed case with a closing summary (open goals need a reason)",
        tags,
        params: CaseIdParamsSchema,
        body: CaseCloseSchema,
        response: { 200: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request) => closeCase(requireActor(request.ctx), request.params.id, request.body),
  );
};
