import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  OrganizationListQuerySchema,
  OrganizationRefPageSchema,
  ProblemSchema,
  PublicSocialOrgListQuerySchema,
  PublicSocialOrgPageSchema,
  PublicSocialOrgSchema,
  SocialOrgCreateSchema,
  SocialOrgIdParamsSchema,
  SocialOrgListQuerySchema,
  SocialOrgPageSchema,
  SocialOrgSchema,
  SocialOrgServiceAreasPutSchema,
  SocialOrgStationsPutSchema,
  SocialOrgUpdateSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getPublicSocialOrg, getSocialOrg, listOrganizationRefs, listPublicSocialOrgs, listSocialOrgs } from "./queries.js";
import { createSocialOrg, putServiceAreas, putStations, updateSocialOrg } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["social-orgs"];

export const socialOrgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/social-orgs",
    {
      schema: {
        summary: "List social organizations registered in or serving your jurisdiction (filters, search, sort)",
        tags,
        querystring: SocialOrgListQuerySchema,
        response: { 200: SocialOrgPageSchema, ...errors },
      },
      config: { access: "social_orgs.read" },
    },
    async (request) => listSocialOrgs(requireActor(request.ctx), request.query),
  );

  app.get(
    "/social-orgs/refs",
    {
      schema: {
        summary: "Organization picker for memberships: name and home area, by name",
        tags,
        querystring: OrganizationListQuerySchema,
        response: { 200: OrganizationRefPageSchema, ...errors },
      },
      config: { access: "areas.read" },
    },
    async (request) => listOrganizationRefs(requireActor(request.ctx), request.query),
  );

  app.post(
    "/social-orgs",
    {
      schema: {
        summary: "Register a social organization (officials at district level and above)",
        tags,
        body: SocialOrgCreateSchema,
        response: { 201: SocialOrgSchema, ...writeErrors },
      },
      config: { access: "social_orgs.write" },
    },
    async (request, reply) => reply.status(201).send(await createSocialOrg(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/social-orgs/:id",
    {
      schema: {
        summary: "One organization's full record; 404 outside your jurisdiction",
        tags,
        params: SocialOrgIdParamsSchema,
        response: { 200: SocialOrgSchema, ...errors },
      },
      config: { access: "social_orgs.read" },
    },
    async (request) => getSocialOrg(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/social-orgs/:id",
    {
      schema: {
        summary: "Change an organization (send the version you read); org staff edit only their own",
        tags,
        params: SocialOrgIdParamsSchema,
        body: SocialOrgUpdateSchema,
        response: { 200: SocialOrgSchema, ...writeErrors },
      },
      config: { access: "social_orgs.write" },
    },
    async (request) => updateSocialOrg(requireActor(request.ctx), request.params.id, request.body),
  );

  app.put(
    "/social-orgs/:id/service-areas",
    {
      schema: {
        summary: "Replace the areas the organization serves (send the organization's version)",
        tags,
        params: SocialOrgIdParamsSchema,
        body: SocialOrgServiceAreasPutSchema,
        response: { 200: SocialOrgSchema, ...writeErrors },
      },
      config: { access: "social_orgs.write" },
    },
    async (request) => putServiceAreas(requireActor(request.ctx), request.params.id, request.body),
  );

  app.put(
    "/social-orgs/:id/stations",
    {
      schema: {
        summary: "Replace the communities the organization is stationed in (send the organization's version)",
        tags,
        params: SocialOrgIdParamsSchema,
        body: SocialOrgStationsPutSchema,
        response: { 200: SocialOrgSchema, ...writeErrors },
      },
      config: { access: "social_orgs.write" },
    },
    async (request) => putStations(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/public/social-orgs",
    {
      schema: {
        summary: "Public directory of active social organizations (no sign-in; public fields only)",
        tags,
        querystring: PublicSocialOrgListQuerySchema,
        response: { 200: PublicSocialOrgPageSchema, 400: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => listPublicSocialOrgs(request.ctx, request.query),
  );

  app.get(
    "/public/social-orgs/:id",
    {
      schema: {
        summary: "Public profile of one active social organization (no sign-in)",
        tags,
        params: SocialOrgIdParamsSchema,
        response: { 200: PublicSocialOrgSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => getPublicSocialOrg(request.ctx, request.params.id),
  );
};
