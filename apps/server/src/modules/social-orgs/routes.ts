import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { socialOrgEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getPublicSocialOrg, getSocialOrg, listOrganizationRefs, listPublicSocialOrgs, listSocialOrgs } from "./queries.js";
import { createSocialOrg, putServiceAreas, putStations, updateSocialOrg } from "./service.js";

export const socialOrgRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listSocialOrgs(requireActor(request.ctx), request.query));
  serve(app, api.refs, async (request) => listOrganizationRefs(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createSocialOrg(requireActor(request.ctx), request.body));
  serve(app, api.get, async (request) => getSocialOrg(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateSocialOrg(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.putServiceAreas, async (request) => putServiceAreas(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.putStations, async (request) => putStations(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.publicList, async (request) => listPublicSocialOrgs(request.ctx, request.query));
  serve(app, api.publicGet, async (request) => getPublicSocialOrg(request.ctx, request.params.id));
};
