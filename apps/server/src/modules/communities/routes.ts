import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { communityEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getCommunity, getFacility, getGrid, listCommunities, listCompliance, listFacilities, listGrids } from "./queries.js";
import { createFacility, createGrid, deleteFacility, putProfile, updateFacility, updateGrid } from "./service.js";

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listCommunities(requireActor(request.ctx), request.query));
  serve(app, api.compliance, async (request) => listCompliance(requireActor(request.ctx), request.query));
  serve(app, api.profile, async (request) => getCommunity(requireActor(request.ctx), request.params.code));
  serve(app, api.putProfile, async (request) => putProfile(requireActor(request.ctx), request.params.code, request.body));
  serve(app, api.facilities, async (request) => listFacilities(requireActor(request.ctx), request.params.code, request.query));
  serve(app, api.createFacility, async (request) => createFacility(requireActor(request.ctx), request.params.code, request.body));
  serve(app, api.facility, async (request) => getFacility(requireActor(request.ctx), request.params.id));
  serve(app, api.updateFacility, async (request) => updateFacility(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.deleteFacility, async (request) => {
    await deleteFacility(requireActor(request.ctx), request.params.id);
  });
  serve(app, api.grids, async (request) => listGrids(requireActor(request.ctx), request.query));
  serve(app, api.createGrid, async (request) => createGrid(requireActor(request.ctx), request.body));
  serve(app, api.grid, async (request) => getGrid(requireActor(request.ctx), request.params.id));
  serve(app, api.updateGrid, async (request) => updateGrid(requireActor(request.ctx), request.params.id, request.body));
};
