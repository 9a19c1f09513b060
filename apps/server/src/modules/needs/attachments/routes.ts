import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AttachmentContentTypeSchema, MAX_ATTACHMENT_BYTES, needEndpoints as api } from "@sanshe/contracts";
import { requireAnyPermission } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { sendFile } from "../../../platform/http/files.js";
import { getAttachment } from "./queries.js";
import { addAttachment } from "./service.js";

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

  serve(app, api.attach, async (request) =>
    addAttachment(requireAnyPermission(request.ctx, ["needs.report", "needs.write"]), request.params.id, request.body),
  );
  serve(app, api.photo, async (request, reply) =>
    sendFile(
      reply,
      await getAttachment(
        requireAnyPermission(request.ctx, ["needs.read", "needs.report", "referrals.handle"]),
        request.params.id,
        request.params.attachmentId,
      ),
      { disposition: "inline" },
    ),
  );
};
