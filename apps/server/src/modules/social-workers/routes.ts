import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  PageQuerySchema,
  ProblemSchema,
  SocialWorkerCommunitiesSetSchema,
  SocialWorkerCreateSchema,
  SocialWorkerIdParamsSchema,
  SocialWorkerListQuerySchema,
  SocialWorkerPageSchema,
  SocialWorkerPostCreateSchema,
  SocialWorkerPostListSchema,
  SocialWorkerPostSchema,
  SocialWorkerSchema,
  SocialWorkerTrainingCreateSchema,
  SocialWorkerTrainingPageSchema,
  SocialWorkerTrainingSchema,
  SocialWorkerUpdateSchema,
  WorkforceQuerySchema,
  WorkforceSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { populationByUnit } from "../communities/index.js";
import { getWorker, getWorkforce, listPosts, listTrainings, listWorkers, type PopulationSource } from "./queries.js";
import { addPost, addTraining, createWorker, setWorkerCommunities, updateWorker } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["social-workers"];

/** Routes of the social-workers registry; `population` feeds the workforce view (default: community profiles). */
export function socialWorkerRoutes(population: PopulationSource = populationByUnit): FastifyPluginAsyncZod {
  return async (app) => {
    const { config } = app.sanshe;
    const options = { trainingHoursPerYear: config.trainingHoursPerYear };

    app.get(
      "/social-workers",
      {
        schema: {
          summary: "List social workers serving or based in your jurisdiction",
          tags,
          querystring: SocialWorkerListQuerySchema,
          response: { 200: SocialWorkerPageSchema, ...errors },
        },
        config: { access: "social_workers.read" },
      },
      async (request) => listWorkers(requireActor(request.ctx), request.query, options),
    );

    app.post(
      "/social-workers",
      {
        schema: {
          summary: "Register a social worker",
          tags,
          body: SocialWorkerCreateSchema,
          response: { 201: SocialWorkerSchema, ...writeErrors },
        },
        config: { access: "social_workers.write" },
      },
      async (request, reply) => reply.status(201).send(await createWorker(requireActor(request.ctx), request.body, options)),
    );

    app.get(
      "/social-workers/workforce",
      {
        schema: {
          summary: "Social workers per 1,000 residents for each child unit of a jurisdiction, against the 2–3 per 1,000 standard",
          tags,
          querystring: WorkforceQuerySchema,
          response: { 200: WorkforceSchema, ...errors },
        },
        config: { access: "social_workers.read" },
      },
      async (request) =>
        getWorkforce(requireActor(request.ctx), request.query, { standardPerThousand: config.workforceStandardPerThousand, population }),
    );

    app.get(
      "/social-workers/:id",
      {
        schema: {
          summary: "One social worker with training hours this year; 404 outside your jurisdiction",
          tags,
          params: SocialWorkerIdParamsSchema,
          response: { 200: SocialWorkerSchema, ...errors },
        },
        config: { access: "social_workers.read" },
      },
      async (request) => getWorker(requireActor(request.ctx), request.params.id, options),
    );

    app.patch(
      "/social-workers/:id",
      {
        schema: {
          summary: "Change a social worker (send the version you read)",
          tags,
          params: SocialWorkerIdParamsSchema,
          body: SocialWorkerUpdateSchema,
          response: { 200: SocialWorkerSchema, ...writeErrors },
        },
        config: { access: "social_workers.write" },
      },
      async (request) => updateWorker(requireActor(request.ctx), request.params.id, request.body, options),
    );

    app.put(
      "/social-workers/:id/communities",
      {
        schema: {
          summary: "Replace the communities a social worker serves (send the version you read)",
          tags,
          params: SocialWorkerIdParamsSchema,
          body: SocialWorkerCommunitiesSetSchema,
          response: { 200: SocialWorkerSchema, ...writeErrors },
        },
        config: { access: "social_workers.write" },
      },
      async (request) => setWorkerCommunities(requireActor(request.ctx), request.params.id, request.body, options),
    );

    app.get(
      "/social-workers/:id/trainings",
      {
        schema: {
          summary: "A social worker's training records, newest first",
          tags,
          params: SocialWorkerIdParamsSchema,
          querystring: PageQuerySchema,
          response: { 200: SocialWorkerTrainingPageSchema, ...errors },
        },
        config: { access: "social_workers.read" },
      },
      async (request) => listTrainings(requireActor(request.ctx), request.params.id, request.query),
    );

    app.post(
      "/social-workers/:id/trainings",
      {
        schema: {
          summary: "Record a training (continuing education)",
          tags,
          params: SocialWorkerIdParamsSchema,
          body: SocialWorkerTrainingCreateSchema,
          response: { 201: SocialWorkerTrainingSchema, ...writeErrors },
        },
        config: { access: "social_workers.write" },
      },
      async (request, reply) => reply.status(201).send(await addTraining(requireActor(request.ctx), request.params.id, request.body)),
    );

    app.get(
      "/social-workers/:id/posts",
      {
        schema: {
          summary: "A social worker's posts",
          tags,
          params: SocialWorkerIdParamsSchema,
          response: { 200: SocialWorkerPostListSchema, ...errors },
        },
        config: { access: "social_workers.read" },
      },
      async (request) => listPosts(requireActor(request.ctx), request.params.id),
    );

    app.post(
      "/social-workers/:id/posts",
      {
        schema: {
          summary: "Record a post held (government-purchased post, community post, agency project)",
          tags,
          params: SocialWorkerIdParamsSchema,
          body: SocialWorkerPostCreateSchema,
          response: { 201: SocialWorkerPostSchema, ...writeErrors },
        },
        config: { access: "social_workers.write" },
      },
      async (request, reply) => reply.status(201).send(await addPost(requireActor(request.ctx), request.params.id, request.body)),
    );
  };
}
