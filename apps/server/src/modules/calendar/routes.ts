import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { calendarEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { createCalendarToken, getCalendarTokenStatus, revokeCalendarToken } from "./service.js";

/** The secret address of your private calendar feed (/calendar/users/{token}.ics). */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.tokenStatus, async (request) => getCalendarTokenStatus(requireActor(request.ctx)));
  serve(app, api.createToken, async (request) => createCalendarToken(requireActor(request.ctx)), {
    config: { storeIdempotentAnswer: false },
  });
  serve(app, api.revokeToken, async (request) => {
    await revokeCalendarToken(requireActor(request.ctx));
  });
};
