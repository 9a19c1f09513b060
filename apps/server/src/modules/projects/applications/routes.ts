import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApplicationAttachmentParamsSchema,
  ApplicationAttachmentQuerySchema,
  ApplicationAttachmentSchema,
  ApplicationCreateSchema,
  ApplicationDetailSchema,
  ApplicationIdParamsSchema,
  ApplicationListSchema,
  CallIdParamsSchema,
  MAX_APPLICATION_ATTACHMENT_BYTES,
  ProblemSchema,
  VersionBodySchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getApplication, getAttachment, listApplications } from "./queries.js";
import { addAttachment, applyToCall, withdrawApplication } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 422: ProblemSchema };
const tags = ["projects"];
// Uploads are parsed as raw bytes whatever their declared type: the server judges the type by the bytes.
const uploadTypes = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/jpeg",
  "image/png",
  "application/octet-stream",
];

/** Applications to calls (项目申报), their documents and withdrawal. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(uploadTypes, { parseAs: "buffer", bodyLimit: MAX_APPLICATION_ATTACHMENT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    "/calls/:id/applications",
    {
      schema: {
        summary: "Applications to a call: all for the purchaser, all after the deadline for the panel, your own for an organization",
        tags,
        params: CallIdParamsSchema,
        response: { 200: ApplicationListSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => listApplications(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/calls/:id/applications",
    {
      schema: {
        summary:
          "Apply to an open call for your organization (eligibility checked; once per call; a withdrawn one is re-submitted); Idempotency-Key supported",
        tags,
        params: CallIdParamsSchema,
        body: ApplicationCreateSchema,
        response: { 201: ApplicationDetailSchema, ...writeErrors },
      },
      config: { access: "projects.apply" },
    },
    async (request, reply) => reply.status(201).send(await applyToCall(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.get(
    "/applications/:id",
    {
      schema: {
        summary: "One application; the purchaser and panel see the applicant's credit record, panel members their own review",
        tags,
        params: ApplicationIdParamsSchema,
        response: { 200: ApplicationDetailSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => getApplication(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/applications/:id/withdraw",
    {
      schema: {
        summary: "Withdraw your application before the deadline",
        tags,
        params: ApplicationIdParamsSchema,
        body: VersionBodySchema,
        response: { 200: ApplicationDetailSchema, ...writeErrors },
      },
      config: { access: "projects.apply" },
    },
    async (request) => withdrawApplication(requireActor(request.ctx), request.params.id, request.body.version),
  );

  app.post(
    "/applications/:id/attachments",
    {
      bodyLimit: MAX_APPLICATION_ATTACHMENT_BYTES,
      schema: {
        summary:
          "Attach a document (raw PDF, DOCX, XLSX, JPEG or PNG body, judged by its bytes, 10 MB at most) before the deadline; Idempotency-Key supported",
        tags,
        params: ApplicationIdParamsSchema,
        querystring: ApplicationAttachmentQuerySchema,
        response: { 201: ApplicationAttachmentSchema, ...writeErrors, 413: ProblemSchema, 415: ProblemSchema },
      },
      config: { access: "projects.apply" },
    },
    async (request, reply) =>
      reply.status(201).send(await addAttachment(requireActor(request.ctx), request.params.id, request.query, request.body)),
  );

  app.get(
    "/applications/:id/attachments/:attachmentId",
    {
      schema: {
        summary: "Download a document of an application (applicant, purchaser or panel), under a server-made file name",
        tags,
        params: ApplicationAttachmentParamsSchema,
        response: { 200: z.any().describe("The file's bytes"), ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request, reply) => {
      const file = await getAttachment(requireActor(request.ctx), request.params.id, request.params.attachmentId);
      return reply
        .header("Content-Type", file.contentType)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", `attachment; filename="${file.fileName}"`)
        .header("Cache-Control", "private, no-store")
        .send(file.bytes);
    },
  );
};
