import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { APPLICATION_UPLOAD_TYPES, MAX_APPLICATION_ATTACHMENT_BYTES, applicationEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getApplication, getAttachment, listApplications, searchApplications } from "./queries.js";
import { addAttachment, applyToCall, withdrawApplication } from "./service.js";

/** Applications to calls (项目申报), their documents and withdrawal. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Uploads are parsed as raw bytes whatever their declared type: the server judges the type by the bytes.
  app.addContentTypeParser(
    [...APPLICATION_UPLOAD_TYPES],
    { parseAs: "buffer", bodyLimit: MAX_APPLICATION_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  serve(app, api.search, async (request) => searchApplications(requireActor(request.ctx), request.query));
  serve(app, api.list, async (request) => listApplications(requireActor(request.ctx), request.params.id));
  serve(app, api.apply, async (request) => applyToCall(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.get, async (request) => getApplication(requireActor(request.ctx), request.params.id));
  serve(app, api.withdraw, async (request) => withdrawApplication(requireActor(request.ctx), request.params.id, request.body.version));
  serve(app, api.attach, async (request) => addAttachment(requireActor(request.ctx), request.params.id, request.query, request.body));
  // The file name is sent as a plain quoted filename (server-made, ASCII), as before; see sendFile for stored names.
  serve(app, api.download, async (request, reply) => {
    const file = await getAttachment(requireActor(request.ctx), request.params.id, request.params.attachmentId);
    return reply
      .header("Content-Type", file.contentType)
      .header("X-Content-Type-Options", "nosniff")
      .header("Content-Disposition", `attachment; filename="${file.fileName}"`)
      .header("Cache-Control", "private, no-store")
      .send(file.bytes);
  });
};
