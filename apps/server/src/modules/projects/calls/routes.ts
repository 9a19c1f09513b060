import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CallCreateSchema,
  CallDetailSchema,
  CallIdParamsSchema,
  CallListQuerySchema,
  CallPageSchema,
  CallSuggestionQuerySchema,
  CallSuggestionSchema,
  CallUpdateSchema,
  CreditRecordSchema,
  CreditSummarySchema,
  ProblemSchema,
  VersionBodySchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getCall, listCalls, suggestCall } from "./queries.js";
import { cancelCall, createCall, publishCall, updateCall } from "./service.js";
import { getCreditRecord, getPublicCreditSummary } from "../evaluation/credit.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };
const tags = ["projects"];

/** Calls for projects (项目征集): drafting, publication, cancellation, the list and the suggestion from needs; credit records. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ocidPrefix } = app.sanshe.config;

  app.get(
    "/calls",
    {
      schema: {
        summary: "Calls you may read, newest first; search on title, filter by status and mode",
        tags,
        querystring: CallListQuerySchema,
        response: { 200: CallPageSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => listCalls(requireActor(request.ctx), request.query),
  );

  app.post(
    "/calls",
    {
      schema: {
        summary: "Draft a call in your jurisdiction (calls.manage); Idempotency-Key supported",
        tags,
        body: CallCreateSchema,
        response: { 201: CallDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request, reply) => reply.status(201).send(await createCall(requireActor(request.ctx), request.body, ocidPrefix)),
  );

  app.get(
    "/calls/suggestion",
    {
      schema: {
        summary: "A call draft prefilled from the area's most frequent unmet needs of the last 12 months",
        tags,
        querystring: CallSuggestionQuerySchema,
        response: { 200: CallSuggestionSchema, ...errors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => suggestCall(requireActor(request.ctx), request.query.area),
  );

  app.get(
    "/calls/:id",
    {
      schema: {
        summary: "One call with its rubric, panel and the open and recent needs it answers; 404 outside your scope",
        tags,
        params: CallIdParamsSchema,
        response: { 200: CallDetailSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => getCall(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/calls/:id",
    {
      schema: {
        summary: "Edit a draft call (send the version you read)",
        tags,
        params: CallIdParamsSchema,
        body: CallUpdateSchema,
        response: { 200: CallDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => updateCall(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/calls/:id/publish",
    {
      schema: {
        summary: "Publish a draft call (the deadline must be in the future)",
        tags,
        params: CallIdParamsSchema,
        body: VersionBodySchema,
        response: { 200: CallDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => publishCall(requireActor(request.ctx), request.params.id, request.body.version),
  );

  app.post(
    "/calls/:id/cancel",
    {
      schema: {
        summary: "Cancel a call that is not awarded yet",
        tags,
        params: CallIdParamsSchema,
        body: VersionBodySchema,
        response: { 200: CallDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => cancelCall(requireActor(request.ctx), request.params.id, request.body.version),
  );

  app.get(
    "/social-orgs/:id/credit",
    {
      schema: {
        summary: "An organization's credit record: its contracts, grades, overdue milestones and returned reports",
        tags: ["projects", "social-orgs"],
        params: CallIdParamsSchema,
        response: { 200: CreditRecordSchema, ...errors },
      },
      config: { access: "social_orgs.read" },
    },
    async (request) => getCreditRecord(requireActor(request.ctx), request.params.id),
  );

  app.get(
    "/public/social-orgs/:id/credit",
    {
      schema: {
        summary: "Public credit summary of an active organization: counts and grade distribution only",
        tags: ["projects", "public"],
        params: CallIdParamsSchema,
        response: { 200: CreditSummarySchema, 404: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => getPublicCreditSummary(request.ctx, request.params.id),
  );
};
