import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CaseFromReferralSchema,
  CaseSchema,
  ProblemSchema,
  ReferralDeclineSchema,
  ReferralIdParamsSchema,
  ReferralListQuerySchema,
  ReferralPageSchema,
  ReferralReassignSchema,
  ReferralSchema,
  ServiceRecordCreateSchema,
  ServiceRecordSchema,
} from "@sanshe/contracts";
import { requireActor, requireAnyPermission } from "../../../platform/ctx.js";
import { getReferral, listReferrals } from "./queries.js";
import {
  acceptReferral,
  addServiceRecord,
  completeReferral,
  declineReferral,
  markRead,
  openCaseForReferral,
  reassignReferral,
} from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Referrals (转介联办): the inbox, accept, decline, reassign, service records, complete, open a case. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/referrals",
    {
      schema: {
        summary: "Referrals: inbox=1 for those addressed to you, with the unread count; overdue flagged",
        tags: ["referrals"],
        querystring: ReferralListQuerySchema,
        response: { 200: ReferralPageSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listReferrals(requireAnyPermission(request.ctx, ["referrals.handle", "needs.read"]), request.query),
  );

  app.get(
    "/referrals/:id",
    {
      schema: {
        summary: "One referral addressed to you (marks it read)",
        tags: ["referrals"],
        params: ReferralIdParamsSchema,
        response: { 200: ReferralSchema, ...errors },
      },
      config: { access: "referrals.handle" },
    },
    async (request) => {
      const ctx = requireActor(request.ctx);
      await markRead(ctx, request.params.id);
      return getReferral(ctx, request.params.id);
    },
  );

  const transition = (path: string, summary: string, run: typeof acceptReferral) =>
    app.post(
      `/referrals/:id/${path}`,
      {
        schema: { summary, tags: ["referrals"], params: ReferralIdParamsSchema, response: { 200: ReferralSchema, ...writeErrors } },
        config: { access: "referrals.handle" },
      },
      async (request) => run(requireActor(request.ctx), request.params.id),
    );
  transition("accept", "Accept a pending referral (409 REFERRAL_NOT_PENDING if already handled)", acceptReferral);
  transition("complete", "Mark an accepted referral done; the resident confirms next", completeReferral);

  app.post(
    "/referrals/:id/decline",
    {
      schema: {
        summary: "Decline a pending referral with a reason; the need is routed to the next provider",
        tags: ["referrals"],
        params: ReferralIdParamsSchema,
        body: ReferralDeclineSchema,
        response: { 200: ReferralSchema, ...writeErrors },
      },
      config: { access: "referrals.handle" },
    },
    async (request) => declineReferral(requireActor(request.ctx), request.params.id, request.body.reason),
  );

  app.post(
    "/referrals/:id/reassign",
    {
      schema: {
        summary: "Route a pending triage-queue referral by hand to a provider, with a reason",
        tags: ["referrals"],
        params: ReferralIdParamsSchema,
        body: ReferralReassignSchema,
        response: { 200: ReferralSchema, ...writeErrors },
      },
      config: { access: "referrals.handle" },
    },
    async (request) => reassignReferral(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/referrals/:id/service-records",
    {
      schema: {
        summary: "Record service on an accepted referral (minutes per party)",
        tags: ["referrals"],
        params: ReferralIdParamsSchema,
        body: ServiceRecordCreateSchema,
        response: { 201: ServiceRecordSchema, ...writeErrors },
      },
      config: { access: "referrals.handle" },
    },
    async (request, reply) => reply.status(201).send(await addServiceRecord(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.post(
    "/referrals/:id/case",
    {
      schema: {
        summary:
          "Open a case from an accepted referral addressed to you (resident and community from the need); 409 CASE_EXISTS with existing_id if one exists",
        tags: ["referrals", "cases"],
        params: ReferralIdParamsSchema,
        body: CaseFromReferralSchema,
        response: { 201: CaseSchema, ...writeErrors },
      },
      config: { access: "cases.write" },
    },
    async (request, reply) => reply.status(201).send(await openCaseForReferral(requireActor(request.ctx), request.params.id, request.body)),
  );
};
