import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AttachmentContentTypeSchema,
  MAX_ATTACHMENT_BYTES,
  NeedAttachmentParamsSchema,
  NeedAttachmentSchema,
  NeedIdParamsSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireAnyPermission } from "../../../platform/ctx.js";
import { getAttachment } from "./queries.js";
import { addAttachment } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/**
 * Photos of a need. The raw image is the body (image/jpeg, image/png or image/webp, up to 5 MB): the
 * buffer parser is registered in this plugin only, so every other route keeps JSON and the 1 MiB limit.
 */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    AttachmentContentTypeSchema.options,
    { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/needs/:id/attachments",
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        summary:
          "Attach a photo to a need: the raw JPEG, PNG or WebP image as the body (5 MB at most, 6 per need); the reporting resident or staff with needs.write; Idempotency-Key supported",
        tags: ["needs"],
        params: NeedIdParamsSchema,
        response: { 201: NeedAttachmentSchema, ...errors, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addAttachment(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.params.id, request.body)),
  );

  app.get(
    "/needs/:id/attachments/:attachmentId",
    {
      schema: {
        summary: "The bytes of a need's photo, with its stored image type; 404 outside the need's scope",
        tags: ["needs"],
        params: NeedAttachmentParamsSchema,
        response: { 200: z.any().describe("The image bytes (image/jpeg, image/png or image/webp)"), ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      const attachment = await getAttachment(
        requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header("Content-Type", attachment.contentType)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline")
        .header("Cache-Control", "private, max-age=3600")
        .header("ETag", `"${attachment.sha256}"`)
        .send(attachment.bytes);
    },
  );
};
