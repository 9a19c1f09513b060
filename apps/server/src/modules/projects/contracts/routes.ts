import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ContractAttachmentContentTypeSchema,
  ContractAttachmentParamsSchema,
  ContractAttachmentQuerySchema,
  ContractAttachmentSchema,
  ContractCreateSchema,
  ContractDetailSchema,
  ContractIdParamsSchema,
  ContractListQuerySchema,
  ContractPageSchema,
  EvidenceCandidatesSchema,
  MAX_CONTRACT_ATTACHMENT_BYTES,
  MilestoneDecisionSchema,
  MilestoneParamsSchema,
  MilestoneReportCreateSchema,
  MilestoneReportIdParamsSchema,
  MilestoneReportSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getContract, listContracts } from "./queries.js";
import { addContractAttachment, createContract, getContractAttachment, listEvidenceCandidates } from "./service.js";
import { decideMilestoneReport, reportMilestone } from "../milestones/service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };

/** Contracts (服务合同), milestones and their progress reports. */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/applications/:id/contract",
    {
      schema: {
        summary:
          "Sign the contract of an awarded application (purchaser; once: 409 CONTRACT_EXISTS with existing_id); milestone amounts are computed from their shares; Idempotency-Key supported",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        body: ContractCreateSchema,
        response: { 201: ContractDetailSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request, reply) => reply.status(201).send(await createContract(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.get(
    "/contracts",
    {
      schema: {
        summary: "Contracts you read (purchaser side: your area; organization: its own; evaluator: assigned), newest first",
        tags: ["projects"],
        querystring: ContractListQuerySchema,
        response: { 200: ContractPageSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => listContracts(requireActor(request.ctx), request.query),
  );

  app.get(
    "/contracts/:id",
    {
      schema: {
        summary:
          "One contract with milestones, reports, attachments, paid and remaining amounts and the evaluation; 404 outside your scope",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        response: { 200: ContractDetailSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => getContract(requireActor(request.ctx), request.params.id),
  );

  app.get(
    "/contracts/:id/evidence-candidates",
    {
      schema: {
        summary: "Referrals addressed to your organization during the contract period, with their service records, to cite as evidence",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        response: { 200: EvidenceCandidatesSchema, ...errors },
      },
      config: { access: "projects.apply" },
    },
    async (request) => listEvidenceCandidates(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/contracts/:id/milestones/:mid/reports",
    {
      schema: {
        summary:
          "Report progress on a pending or returned milestone with evidence (your organization's referrals, service records, this contract's attachments); Idempotency-Key supported",
        tags: ["projects"],
        params: MilestoneParamsSchema,
        body: MilestoneReportCreateSchema,
        response: { 201: MilestoneReportSchema, ...writeErrors },
      },
      config: { access: "projects.apply" },
    },
    async (request, reply) =>
      reply.status(201).send(await reportMilestone(requireActor(request.ctx), request.params.id, request.params.mid, request.body)),
  );

  app.post(
    "/milestone-reports/:id/decision",
    {
      schema: {
        summary:
          "Accept (pays the milestone into the funding ledger) or return (reason required) a pending report; 409 MILESTONE_REPORT_DECIDED if already decided",
        tags: ["projects"],
        params: MilestoneReportIdParamsSchema,
        body: MilestoneDecisionSchema,
        response: { 200: MilestoneReportSchema, ...writeErrors },
      },
      config: { access: "calls.manage" },
    },
    async (request) => decideMilestoneReport(requireActor(request.ctx), request.params.id, request.body),
  );
};

/**
 * Contract attachments (evidence files). The raw file is the body (PDF, JPEG, PNG or WebP, up to 10 MB);
 * the buffer parser is registered in this plugin only.
 */
export const contractAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ContractAttachmentContentTypeSchema.options,
    { parseAs: "buffer", bodyLimit: MAX_CONTRACT_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/contracts/:id/attachments",
    {
      bodyLimit: MAX_CONTRACT_ATTACHMENT_BYTES,
      schema: {
        summary:
          "Upload an evidence file to your organization's contract: the raw PDF, JPEG, PNG or WebP file as the body (10 MB at most; type checked from the bytes); Idempotency-Key supported",
        tags: ["projects"],
        params: ContractIdParamsSchema,
        querystring: ContractAttachmentQuerySchema,
        response: { 201: ContractAttachmentSchema, ...errors, 413: ProblemSchema, 415: ProblemSchema },
      },
      config: { access: "projects.apply" },
    },
    async (request, reply) =>
      reply.status(201).send(await addContractAttachment(requireActor(request.ctx), request.params.id, request.body, request.query.name)),
  );

  app.get(
    "/contracts/:id/attachments/:attachmentId",
    {
      schema: {
        summary: "The bytes of a contract attachment (download); 404 outside the contract's scope",
        tags: ["projects"],
        params: ContractAttachmentParamsSchema,
        response: { 200: z.any().describe("The file bytes (PDF or image)"), ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request, reply) => {
      const attachment = await getContractAttachment(requireActor(request.ctx), request.params.id, request.params.attachmentId);
      return reply
        .header("Content-Type", attachment.contentType)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", `attachment; filename="${request.params.attachmentId}"`)
        .header("Cache-Control", "private, max-age=3600")
        .header("ETag", `"${attachment.sha256}"`)
        .send(attachment.bytes);
    },
  );
};
