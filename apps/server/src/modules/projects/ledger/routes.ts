import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ContractAttachmentContentTypeSchema, MAX_CONTRACT_ATTACHMENT_BYTES, ledgerEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getEntryAttachment, ledgerStructure, listBalances, listEntryAttachments, listLedger, summarizeLedger } from "./queries.js";
import { addEntryAttachment, createLedgerEntry } from "./service.js";

/**
 * The funding ledger (费随事转): money in by source and out by purpose, of organizations and
 * communities; attachments take the raw file as the body (the buffer parser is registered in this plugin only).
 */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ContractAttachmentContentTypeSchema.options,
    { parseAs: "buffer", bodyLimit: MAX_CONTRACT_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );
  serve(app, api.list, async (request) => listLedger(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createLedgerEntry(requireActor(request.ctx), request.body));
  serve(app, api.summary, async (request) => summarizeLedger(requireActor(request.ctx), request.query));
  serve(app, api.balances, async (request) => listBalances(requireActor(request.ctx), request.query));
  serve(app, api.structure, async (request) => ledgerStructure(requireActor(request.ctx), request.query));
  serve(app, api.attach, async (request) =>
    addEntryAttachment(requireActor(request.ctx), request.params.id, request.body, request.query.name),
  );
  serve(app, api.attachments, async (request) => listEntryAttachments(requireActor(request.ctx), request.params.id));
  serve(app, api.download, async (request, reply) => {
    const attachment = await getEntryAttachment(requireActor(request.ctx), request.params.id, request.params.attachmentId);
    return reply
      .header("Content-Type", attachment.contentType)
      .header("X-Content-Type-Options", "nosniff")
      .header("Content-Disposition", `attachment; filename="${request.params.attachmentId}"`)
      .header("Cache-Control", "private, max-age=3600")
      .header("ETag", `"${attachment.sha256}"`)
      .send(attachment.bytes);
  });
};
