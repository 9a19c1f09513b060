import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CommunityCodeParamsSchema,
  CommunityListQuerySchema,
  CommunityPageSchema,
  CommunityProfileUpdateSchema,
  CommunitySchema,
  CompliancePageSchema,
  ComplianceQuerySchema,
  FacilityCreateSchema,
  FacilityIdParamsSchema,
  FacilityListQuerySchema,
  FacilityPageSchema,
  FacilitySchema,
  FacilityUpdateSchema,
  GridCreateSchema,
  GridIdParamsSchema,
  GridListQuerySchema,
  GridPageSchema,
  GridSchema,
  GridUpdateSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getCommunity, getFacility, getGrid, listCommunities, listCompliance, listFacilities, listGrids } from "./queries.js";
import { createFacility, createGrid, deleteFacility, putProfile, updateFacility, updateGrid } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["communities"];

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/communities",
    {
      schema: {
        summary: "Communities in your jurisdiction with their profile and 三室两栏一站 compliance",
        tags,
        querystring: CommunityListQuerySchema,
        response: { 200: CommunityPageSchema, ...errors },
      },
      config: { access: "communities.read" },
    },
    async (request) => listCommunities(requireActor(request.ctx), request.query),
  );

  app.get(
    "/communities/compliance",
    {
      schema: {
        summary: "Which communities of a jurisdiction lack which standard facility (三室两栏一站), with a summary",
        tags,
        querystring: ComplianceQuerySchema,
        response: { 200: CompliancePageSchema, ...errors },
      },
      config: { access: "communities.read" },
    },
    async (request) => listCompliance(requireActor(request.ctx), request.query),
  );

  app.get(
    "/communities/:code/profile",
    {
      schema: {
        summary: "A community's profile; exists=false with nulls when none was entered yet",
        tags,
        params: CommunityCodeParamsSchema,
        response: { 200: CommunitySchema, ...errors },
      },
      config: { access: "communities.read" },
    },
    async (request) => getCommunity(requireActor(request.ctx), request.params.code),
  );

  app.put(
    "/communities/:code/profile",
    {
      schema: {
        summary: "Create (version 0) or update (the version you read) a community's profile",
        tags,
        params: CommunityCodeParamsSchema,
        body: CommunityProfileUpdateSchema,
        response: { 200: CommunitySchema, ...writeErrors },
      },
      config: { access: "communities.write" },
    },
    async (request) => putProfile(requireActor(request.ctx), request.params.code, request.body),
  );

  app.get(
    "/communities/:code/facilities",
    {
      schema: {
        summary: "A community's facilities",
        tags,
        params: CommunityCodeParamsSchema,
        querystring: FacilityListQuerySchema,
        response: { 200: FacilityPageSchema, ...errors },
      },
      config: { access: "communities.read" },
    },
    async (request) => listFacilities(requireActor(request.ctx), request.params.code, request.query),
  );

  app.post(
    "/communities/:code/facilities",
    {
      schema: {
        summary: "Add a facility to a community",
        tags,
        params: CommunityCodeParamsSchema,
        body: FacilityCreateSchema,
        response: { 201: FacilitySchema, ...writeErrors },
      },
      config: { access: "communities.write" },
    },
    async (request, reply) => reply.status(201).send(await createFacility(requireActor(request.ctx), request.params.code, request.body)),
  );

  app.get(
    "/facilities/:id",
    {
      schema: { summary: "One facility", tags, params: FacilityIdParamsSchema, response: { 200: FacilitySchema, ...errors } },
      config: { access: "communities.read" },
    },
    async (request) => getFacility(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/facilities/:id",
    {
      schema: {
        summary: "Change a facility (send the version you read)",
        tags,
        params: FacilityIdParamsSchema,
        body: FacilityUpdateSchema,
        response: { 200: FacilitySchema, ...writeErrors },
      },
      config: { access: "communities.write" },
    },
    async (request) => updateFacility(requireActor(request.ctx), request.params.id, request.body),
  );

  app.delete(
    "/facilities/:id",
    {
      schema: {
        summary: "Remove a facility",
        tags,
        params: FacilityIdParamsSchema,
        response: { 204: z.null().describe("Removed"), ...errors },
      },
      config: { access: "communities.write" },
    },
    async (request, reply) => {
      await deleteFacility(requireActor(request.ctx), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/grids",
    {
      schema: {
        summary: "Grids (网格) in your jurisdiction",
        tags,
        querystring: GridListQuerySchema,
        response: { 200: GridPageSchema, ...errors },
      },
      config: { access: "communities.read" },
    },
    async (request) => listGrids(requireActor(request.ctx), request.query),
  );

  app.post(
    "/grids",
    {
      schema: { summary: "Add a grid to a community", tags, body: GridCreateSchema, response: { 201: GridSchema, ...writeErrors } },
      config: { access: "communities.write" },
    },
    async (request, reply) => reply.status(201).send(await createGrid(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/grids/:id",
    {
      schema: { summary: "One grid", tags, params: GridIdParamsSchema, response: { 200: GridSchema, ...errors } },
      config: { access: "communities.read" },
    },
    async (request) => getGrid(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/grids/:id",
    {
      schema: {
        summary: "Rename a grid or change its grid worker (send the version you read)",
        tags,
        params: GridIdParamsSchema,
        body: GridUpdateSchema,
        response: { 200: GridSchema, ...writeErrors },
      },
      config: { access: "communities.write" },
    },
    async (request) => updateGrid(requireActor(request.ctx), request.params.id, request.body),
  );
};
