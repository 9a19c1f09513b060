import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ProblemSchema,
  PublicServiceListQuerySchema,
  PublicServicePageSchema,
  PublicServiceSchema,
  ServiceCreateSchema,
  ServiceIdParamsSchema,
  ServiceListQuerySchema,
  ServicePageSchema,
  ServiceSchema,
  ServiceUpdateSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getPublicService, getService, listPublicServices, listServices } from "./queries.js";
import { createService, updateService } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["services-directory"];

/** Routes of the service directory: publishers' CRUD and the public directory. */
export const serviceDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/services",
    {
      schema: {
        summary: "Services you may publish (your organization's or your community's)",
        tags,
        querystring: ServiceListQuerySchema,
        response: { 200: ServicePageSchema, ...errors },
      },
      config: { access: "services.write" },
    },
    async (request) => listServices(requireActor(request.ctx), request.query),
  );

  app.post(
    "/services",
    {
      schema: {
        summary: "Create a service (draft unless status is given)",
        tags,
        body: ServiceCreateSchema,
        response: { 201: ServiceSchema, ...writeErrors },
      },
      config: { access: "services.write" },
    },
    async (request, reply) => reply.status(201).send(await createService(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/services/:id",
    {
      schema: {
        summary: "One service; 404 outside your scope",
        tags,
        params: ServiceIdParamsSchema,
        response: { 200: ServiceSchema, ...errors },
      },
      config: { access: "services.write" },
    },
    async (request) => getService(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/services/:id",
    {
      schema: {
        summary: "Change, publish or retire a service (send the version you read)",
        tags,
        params: ServiceIdParamsSchema,
        body: ServiceUpdateSchema,
        response: { 200: ServiceSchema, ...writeErrors },
      },
      config: { access: "services.write" },
    },
    async (request) => updateService(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/public/services",
    {
      schema: {
        summary: "Public service directory: published services (no sign-in; public fields only)",
        tags,
        querystring: PublicServiceListQuerySchema,
        response: { 200: PublicServicePageSchema, 400: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => listPublicServices(request.ctx, request.query),
  );

  app.get(
    "/public/services/:id",
    {
      schema: {
        summary: "One published service (no sign-in)",
        tags,
        params: ServiceIdParamsSchema,
        response: { 200: PublicServiceSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => getPublicService(request.ctx, request.params.id),
  );
};
