import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ProblemSchema,
  ResidentAccountListQuerySchema,
  ResidentAccountPageSchema,
  ResidentAccountParamsSchema,
  ResidentAccountSchema,
  ResidentLinkSetSchema,
  ResidentOwnLinkSchema,
  ResidentSchema,
  ResidentSelfLinkSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { getOwnResident, listResidentAccounts } from "./accounts-queries.js";
import { linkOwnResident, removeResidentLink, setResidentLink } from "./accounts-service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };
const tags = ["residents"];

/** Resident accounts and their link to the register: staff link and unlink; a resident links themself and reads their own record. */
export const residentAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/resident-accounts",
    {
      schema: {
        summary: "List resident accounts in your jurisdiction, with the record each is linked to",
        tags,
        querystring: ResidentAccountListQuerySchema,
        response: { 200: ResidentAccountPageSchema, ...errors },
      },
      config: { access: "residents.write" },
    },
    async (request) => listResidentAccounts(requireActor(request.ctx), request.query),
  );

  app.put(
    "/resident-accounts/:user_id/link",
    {
      schema: {
        summary: "Link a resident account to its resident record (of the account's community; audited)",
        tags,
        params: ResidentAccountParamsSchema,
        body: ResidentLinkSetSchema,
        response: { 200: ResidentAccountSchema, ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request) => setResidentLink(requireActor(request.ctx), request.params.user_id, request.body),
  );

  app.delete(
    "/resident-accounts/:user_id/link",
    {
      schema: {
        summary: "Remove a resident account's link to the register (audited)",
        tags,
        params: ResidentAccountParamsSchema,
        response: { 204: z.null().describe("Unlinked"), ...writeErrors },
      },
      config: { access: "residents.write" },
    },
    async (request, reply) => {
      await removeResidentLink(requireActor(request.ctx), request.params.user_id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/resident-link",
    {
      schema: {
        summary: "Link your resident account to your record: name, ID number and phone must all match (rate-limited)",
        tags,
        body: ResidentSelfLinkSchema,
        response: { 200: ResidentOwnLinkSchema, ...writeErrors, 429: ProblemSchema },
      },
      // The body holds an ID number: the answer is never stored for Idempotency-Key replay.
      config: { access: "authenticated", storeIdempotentAnswer: false },
    },
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
  );

  app.get(
    "/me/resident",
    {
      schema: {
        summary: "Your own resident record (linked accounts; masked, never unmasked here)",
        tags,
        response: { 200: ResidentSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getOwnResident(requireActor(request.ctx)),
  );
};
