import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CalendarTokenCreatedSchema, CalendarTokenStatusSchema, ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { createCalendarToken, getCalendarTokenStatus, revokeCalendarToken } from "./service.js";

const errors = { 401: ProblemSchema, 403: ProblemSchema };

/** The secret address of your private calendar feed (/calendar/users/{token}.ics). */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/calendar-token",
    {
      schema: {
        summary: "Whether your private calendar feed exists (the secret is never shown again)",
        tags: ["calendar"],
        response: { 200: CalendarTokenStatusSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getCalendarTokenStatus(requireActor(request.ctx)),
  );

  app.post(
    "/me/calendar-token",
    {
      schema: {
        summary: "Create (or replace) your private calendar feed's secret; shown once",
        tags: ["calendar"],
        response: { 201: CalendarTokenCreatedSchema, ...errors },
      },
      config: { access: "authenticated", storeIdempotentAnswer: false },
    },
    async (request, reply) => reply.status(201).send(await createCalendarToken(requireActor(request.ctx))),
  );

  app.delete(
    "/me/calendar-token",
    {
      schema: {
        summary: "Revoke your private calendar feed",
        tags: ["calendar"],
        response: { 204: z.null().describe("Revoked"), ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      await revokeCalendarToken(requireActor(request.ctx));
      return reply.status(204).send(null);
    },
  );
};
