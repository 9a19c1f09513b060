import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ContractAttachmentContentTypeSchema, MAX_CONTRACT_ATTACHMENT_BYTES, contractEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getContract, listContracts } from "./queries.js";
import { addContractAttachment, createContract, getContractAttachment, listEvidenceCandidates } from "./service.js";
import { decideMilestoneReport, reportMilestone } from "../milestones/service.js";

/** Contracts (服务合同), milestones and their progress reports. */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.create, async (request) => createContract(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.list, async (request) => listContracts(requireActor(request.ctx), request.query));
  serve(app, api.get, async (request) => getContract(requireActor(request.ctx), request.params.id));
  serve(app, api.evidenceCandidates, async (request) => listEvidenceCandidates(requireActor(request.ctx), request.params.id));
  serve(app, api.reportMilestone, async (request) =>
    reportMilestone(requireActor(request.ctx), request.params.id, request.params.mid, request.body),
  );
  serve(app, api.decideReport, async (request) => decideMilestoneReport(requireActor(request.ctx), request.params.id, request.body));
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

  serve(app, api.attach, async (request) =>
    addContractAttachment(requireActor(request.ctx), request.params.id, request.body, request.query.name),
  );
  // Saved under the attachment's id (a plain quoted filename), as before; see sendFile for stored names.
  serve(app, api.download, async (request, reply) => {
    const attachment = await getContractAttachment(requireActor(request.ctx), request.params.id, request.params.attachmentId);
    return reply
      .header("Content-Type", attachment.contentType)
      .header("X-Content-Type-Options", "nosniff")
      .header("Content-Disposition", `attachment; filename="${request.params.attachmentId}"`)
      .header("Cache-Control", "private, max-age=3600")
      .header("ETag", `"${attachment.sha256}"`)
      .send(attachment.bytes);
  });
};
