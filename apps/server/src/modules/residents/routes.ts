import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  HouseholdCreateSchema,
  HouseholdDetailSchema,
  HouseholdListQuerySchema,
  HouseholdPageSchema,
  HouseholdUpdateSchema,
  ProblemSchema,
  ResidentCreateSchema,
  ResidentIdParamsSchema,
  ResidentListFilterSchema,
  ResidentListQuerySchema,
  ResidentMoveSchema,
  ResidentPageSchema,
  ResidentSchema,
  ResidentUnmaskedSchema,
  ResidentUnmaskSchema,
  ResidentUpdateSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { countResidents, getHousehold, getResident, listHouseholds, listResidents } from "./queries.js";
import { createHousehold, createResident, moveResident, unmaskResident, updateHousehold, updateResident } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };
const tags = ["residents"];

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/residents",
    {
      schema: {
        summary: "List residents in your jurisdiction (ID number and phone masked)",
        tags,
        querystring: ResidentListQuerySchema,
        response: { 200: ResidentPageSchema, ...errors },
      },
      config: { access: "residents.read" },
    },
    async (request) => listResidents(requireActor(request.ctx), request.query),
  );

  app.get(
    "/residents/count",
    {
      schema: {
        summary: "Count residents matching the list filters in your jurisdiction",
        tags,
        querystring: ResidentListFilterSchema,
        response: { 200: z.object({ count: z.number().int().describe("Number of residents") }), ...errors },
      },
      config: { access: "residents.read" },
    },
    async (request) => ({ count: await countResidents(requireActor(request.ctx), request.query) }),
  );

  app.post(
    "/residents",
    {
      schema: {
        summary: "Register a resident; one registration per ID number in the city",
        tags,
        body: ResidentCreateSchema,
        response: { 201: ResidentSchema, ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request, reply) => reply.status(201).send(await createResident(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/residents/:id",
    {
      schema: {
        summary: "One resident (masked) with the move history",
        tags,
        params: ResidentIdParamsSchema,
        response: { 200: ResidentSchema, ...errors },
      },
      config: { access: "residents.read" },
    },
    async (request) => getResident(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/residents/:id",
    {
      schema: {
        summary: "Change a resident's data (send the version you read)",
        tags,
        params: ResidentIdParamsSchema,
        body: ResidentUpdateSchema,
        response: { 200: ResidentSchema, ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request) => updateResident(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/residents/:id/move",
    {
      schema: {
        summary: "Move a resident to another community; the old community loses access at once",
        tags,
        params: ResidentIdParamsSchema,
        body: ResidentMoveSchema,
        response: {
          200: z.object({ id: z.uuid().describe("Resident"), area_code: z.string().describe("The new community") }),
          ...writeErrors,
        },
      },
      config: { access: "residents.write" },
    },
    async (request) => moveResident(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/residents/:id/unmask",
    {
      schema: {
        summary: "Show the full ID number or phone for a stated purpose (audited)",
        tags,
        params: ResidentIdParamsSchema,
        body: ResidentUnmaskSchema,
        response: { 200: ResidentUnmaskedSchema, ...errors },
      },
      // The answer holds the full values: never stored for Idempotency-Key replay; every call is audited.
      config: { access: "residents.unmask", storeIdempotentAnswer: false },
    },
    async (request) => unmaskResident(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/households",
    {
      schema: {
        summary: "List households in your jurisdiction",
        tags,
        querystring: HouseholdListQuerySchema,
        response: { 200: HouseholdPageSchema, ...errors },
      },
      config: { access: "residents.read" },
    },
    async (request) => listHouseholds(requireActor(request.ctx), request.query),
  );

  app.post(
    "/households",
    {
      schema: {
        summary: "Register a household",
        tags,
        body: HouseholdCreateSchema,
        response: { 201: HouseholdDetailSchema, ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request, reply) => reply.status(201).send(await createHousehold(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/households/:id",
    {
      schema: {
        summary: "One household with its members (masked)",
        tags,
        params: ResidentIdParamsSchema,
        response: { 200: HouseholdDetailSchema, ...errors },
      },
      config: { access: "residents.read" },
    },
    async (request) => getHousehold(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/households/:id",
    {
      schema: {
        summary: "Change a household's address or head (send the version you read)",
        tags,
        params: ResidentIdParamsSchema,
        body: HouseholdUpdateSchema,
        response: { 200: HouseholdDetailSchema, ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request) => updateHousehold(requireActor(request.ctx), request.params.id, request.body),
  );
};
