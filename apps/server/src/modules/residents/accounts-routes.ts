import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { residentAccountEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { AppError } from "../../platform/errors/app-error.js";
import { getOwnResident, listResidentAccounts } from "./accounts-queries.js";
import { linkOwnResident, removeResidentLink, setResidentLink } from "./accounts-service.js";

/** Resident accounts and their link to the register: staff link and unlink; a resident links themself and reads their own record. */
export const residentAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listResidentAccounts(requireActor(request.ctx), request.query));
  serve(app, api.link, async (request) => setResidentLink(requireActor(request.ctx), request.params.user_id, request.body));
  serve(app, api.unlink, async (request) => {
    await removeResidentLink(requireActor(request.ctx), request.params.user_id);
  });
  // The body holds an ID number: the answer is never stored for Idempotency-Key replay.
  serve(
    app,
    api.linkOwn,
    async (request, reply) => {
      try {
        return await linkOwnResident(requireActor(request.ctx), request.body);
      } catch (error) {
        if (error instanceof AppError && error.code === "RESIDENT_LINK_RATE_LIMITED") {
          reply.header("retry-after", "3600");
        }
        throw error;
      }
    },
    { config: { storeIdempotentAnswer: false } },
  );
  serve(app, api.own, async (request) => getOwnResident(requireActor(request.ctx)));
};
