import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { residentEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { countResidents, getHousehold, getResident, listHouseholds, listResidents } from "./queries.js";
import { createHousehold, createResident, moveResident, unmaskResident, updateHousehold, updateResident } from "./service.js";

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listResidents(requireActor(request.ctx), request.query));
  serve(app, api.count, async (request) => ({ count: await countResidents(requireActor(request.ctx), request.query) }));
  serve(app, api.create, async (request) => createResident(requireActor(request.ctx), request.body));
  serve(app, api.get, async (request) => getResident(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateResident(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.move, async (request) => moveResident(requireActor(request.ctx), request.params.id, request.body));
  // The answer holds the full values: never stored for Idempotency-Key replay; every call is audited.
  serve(app, api.unmask, async (request) => unmaskResident(requireActor(request.ctx), request.params.id, request.body), {
    config: { storeIdempotentAnswer: false },
  });
  serve(app, api.households, async (request) => listHouseholds(requireActor(request.ctx), request.query));
  serve(app, api.createHousehold, async (request) => createHousehold(requireActor(request.ctx), request.body));
  serve(app, api.household, async (request) => getHousehold(requireActor(request.ctx), request.params.id));
  serve(app, api.updateHousehold, async (request) => updateHousehold(requireActor(request.ctx), request.params.id, request.body));
};
