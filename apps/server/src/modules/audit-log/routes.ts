import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditListQuerySchema, AuditPageSchema, AuditVerificationSchema, ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { listAuditLog } from "./queries.js";
import { verifyChain } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-log",
    {
      schema: {
        summary: "Read the audit log in your jurisdiction, newest first",
        tags: ["audit"],
        querystring: AuditListQuerySchema,
        response: { 200: AuditPageSchema, ...errors },
      },
      config: { access: "audit.read" },
    },
    async (request) => listAuditLog(requireActor(request.ctx), request.query),
  );
  app.post(
    "/audit-log/verify",
    {
      schema: {
        summary: "Seal pending records and verify the whole hash chain",
        tags: ["audit"],
        response: { 200: AuditVerificationSchema, ...errors },
      },
      config: { access: "audit.read" },
    },
    async (request) => verifyChain(requireActor(request.ctx)),
  );
};
