import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ProblemSchema } from "@sanshe/contracts";
import { areaFeed, userFeed } from "../../modules/calendar/index.js";

const feedFile = z.string().regex(/^[^/]+\.ics$/);
const send = (body: string) => ({ body, type: "text/calendar; charset=utf-8" });

/** iCalendar feeds (RFC 5545): public per area, private per user by its secret token. */
export const icalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/areas/:file",
    {
      schema: {
        summary: "Public calendar of an area ({code}.ics): no personal data",
        tags: ["calendar"],
        params: z.object({ file: feedFile.describe("{area code}.ics") }),
        response: { 200: z.string().describe("text/calendar"), 404: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request, reply) => {
      const feed = send(await areaFeed(request.ctx, request.params.file.slice(0, -4).replace(/[^0-9]/g, "x")));
      return reply.type(feed.type).header("Cache-Control", "public, max-age=900").send(feed.body);
    },
  );

  app.get(
    "/users/:file",
    {
      schema: {
        summary: "Your private calendar ({token}.ics): deadlines of the referrals you handle; 404 for a revoked token",
        tags: ["calendar"],
        params: z.object({ file: feedFile.describe("{token}.ics") }),
        response: { 200: z.string().describe("text/calendar"), 404: ProblemSchema },
      },
      config: { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const feed = send(await userFeed(request.ctx, request.params.file.slice(0, -4)));
      return reply.type(feed.type).header("Cache-Control", "private, no-store").header("Referrer-Policy", "no-referrer").send(feed.body);
    },
  );
};
