import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CaseFromReferralSchema,
  CaseSchema,
  NeedCategoryListSchema,
  NeedConfirmationSchema,
  NeedCreateSchema,
  NeedDetailSchema,
  NeedIdParamsSchema,
  NeedListQuerySchema,
  NeedPageSchema,
  NeedsDashboardQuerySchema,
  NeedsDashboardSchema,
  ProblemSchema,
  ReferralDeclineSchema,
  ReferralIdParamsSchema,
  ReferralListQuerySchema,
  ReferralPageSchema,
  ReferralReassignSchema,
  ReferralSchema,
  RoutingRuleCreateSchema,
  RoutingRuleListQuerySchema,
  RoutingRuleListSchema,
  RoutingRuleSchema,
  RoutingRuleUpdateSchema,
  ServiceRecordCreateSchema,
  ServiceRecordSchema,
} from "@sanshe/contracts";
import { requireActor, requireAnyPermission } from "../../platform/ctx.js";
import { createDashboardCache, getNeedsDashboard } from "./dashboard.js";
import { getNeed, getReferral, listCategories, listNeeds, listReferrals } from "./queries.js";
import {
  acceptReferral,
  addServiceRecord,
  completeReferral,
  confirmNeed,
  createNeed,
  createRule,
  declineReferral,
  listRules,
  markRead,
  openCaseForReferral,
  reassignReferral,
  updateRule,
} from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Needs, routing rules and referrals (需求、分层分派、转介联办). */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  const dashboardCache = createDashboardCache(app.sanshe.config.dashboardCacheSeconds);
  app.get(
    "/need-categories",
    {
      schema: {
        summary: "Need categories with default tier and service-level clock",
        tags: ["needs"],
        response: { 200: NeedCategoryListSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listCategories(request.ctx),
  );

  app.get(
    "/needs",
    {
      schema: {
        summary: "Needs in your jurisdiction (residents: your own), newest first",
        tags: ["needs"],
        querystring: NeedListQuerySchema,
        response: { 200: NeedPageSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listNeeds(requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]), request.query),
  );

  app.post(
    "/needs",
    {
      schema: {
        summary: "Report a need (residents for themselves; staff for a resident) — routed at once; Idempotency-Key supported",
        tags: ["needs"],
        body: NeedCreateSchema,
        response: { 201: NeedDetailSchema, ...writeErrors },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) =>
      reply.status(201).send(await createNeed(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.body)),
  );

  app.get(
    "/needs/dashboard",
    {
      schema: {
        summary: "Needs dashboard of a jurisdiction in your scope (default: yours), with one row per child area for drill-down",
        tags: ["needs"],
        querystring: NeedsDashboardQuerySchema,
        response: { 200: NeedsDashboardSchema, ...errors },
      },
      config: { access: "needs.dashboard" },
    },
    async (request) => getNeedsDashboard(requireActor(request.ctx), request.query, dashboardCache),
  );

  app.get(
    "/needs/:id",
    {
      schema: {
        summary: "One need with its history and referrals; 404 outside your scope",
        tags: ["needs"],
        params: NeedIdParamsSchema,
        response: { 200: NeedDetailSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getNeed(requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]), request.params.id),
  );

  app.post(
    "/needs/:id/confirmation",
    {
      schema: {
        summary: "Confirm a done need: solved closes it, not solved reopens and re-routes it",
        tags: ["needs"],
        params: NeedIdParamsSchema,
        body: NeedConfirmationSchema,
        response: { 200: NeedDetailSchema, ...writeErrors },
      },
      config: { access: "authenticated" },
    },
    async (request) => confirmNeed(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.params.id, request.body),
  );

  app.get(
    "/routing-rules",
    {
      schema: {
        summary: "Routing rules of your jurisdiction and those it inherits, most specific owner first",
        tags: ["routing"],
        querystring: RoutingRuleListQuerySchema,
        response: { 200: RoutingRuleListSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listRules(requireAnyPermission(request.ctx, ["routing.manage", "needs.read"]), request.query.area_code),
  );

  app.post(
    "/routing-rules",
    {
      schema: {
        summary: "Create a routing rule for a jurisdiction you manage",
        tags: ["routing"],
        body: RoutingRuleCreateSchema,
        response: { 201: RoutingRuleSchema, ...writeErrors },
      },
      config: { access: "routing.manage" },
    },
    async (request, reply) => reply.status(201).send(await createRule(requireActor(request.ctx), request.body)),
  );

  app.patch(
    "/routing-rules/:id",
    {
      schema: {
        summary: "Change a routing rule (send the version you read)",
        tags: ["routing"],
        params: NeedIdParamsSchema,
        body: RoutingRuleUpdateSchema,
        response: { 200: RoutingRuleSchema, ...writeErrors },
      },
      config: { access: "routing.manage" },
    },
    async (request) => updateRule(requireActor(request.ctx), request.params.id, request.body),
  );

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
