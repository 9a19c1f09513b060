import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApiClientCreatedSchema,
  ApiClientCreateSchema,
  ApiClientIdParamsSchema,
  ApiClientListQuerySchema,
  ApiClientPageSchema,
  ApiClientSchema,
  ApiClientStatusSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { createApiClient, listApiClients, setApiClientStatus } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ["api-clients"];

/** Open311 API clients, managed by the city (or district) administrator. */
export const apiClientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api-clients",
    {
      schema: {
        summary: "API clients in your scope, newest first",
        tags,
        querystring: ApiClientListQuerySchema,
        response: { 200: ApiClientPageSchema, ...errors },
      },
      config: { access: "api_clients.manage" },
    },
    async (request) => listApiClients(requireActor(request.ctx), request.query),
  );

  app.post(
    "/api-clients",
    {
      schema: {
        summary: "Register an API client; the answer carries its key, shown only this once",
        tags,
        body: ApiClientCreateSchema,
        response: { 201: ApiClientCreatedSchema, ...errors },
      },
      config: { access: "api_clients.manage" },
    },
    async (request, reply) => reply.status(201).send(await createApiClient(requireActor(request.ctx), request.body)),
  );

  app.put(
    "/api-clients/:id/status",
    {
      schema: {
        summary: "Enable or disable an API client's key (send the version you read)",
        tags,
        params: ApiClientIdParamsSchema,
        body: ApiClientStatusSchema,
        response: { 200: ApiClientSchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "api_clients.manage" },
    },
    async (request) => setApiClientStatus(requireActor(request.ctx), request.params.id, request.body),
  );
};
