import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AnnouncementFileTypeSchema, MAX_ANNOUNCEMENT_FILE_BYTES, announcementEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { sendFile } from "../../platform/http/files.js";
import {
  getAnnouncementFile,
  listAnnouncementReceipts,
  listAudienceOrganizations,
  listMyAnnouncements,
  listSentAnnouncements,
  listUnreadRecipients,
} from "./queries.js";
import { addAnnouncementAttachment, openAnnouncement, publishAnnouncement, updateAnnouncement } from "./service.js";

/** Announcements (通知公告): publish to an area and audience, read your own, see who has read it and who has not. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    AnnouncementFileTypeSchema.options,
    { parseAs: "buffer", bodyLimit: MAX_ANNOUNCEMENT_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  serve(app, api.listMine, async (request) => listMyAnnouncements(requireActor(request.ctx), request.query));
  serve(app, api.audienceOrganizations, async (request) => listAudienceOrganizations(requireActor(request.ctx), request.query));
  serve(app, api.publish, async (request) => publishAnnouncement(requireActor(request.ctx), request.body));
  serve(app, api.listSent, async (request) => listSentAnnouncements(requireActor(request.ctx), request.query));
  serve(app, api.open, async (request) => openAnnouncement(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateAnnouncement(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.listReceipts, async (request) => listAnnouncementReceipts(requireActor(request.ctx), request.params.id, request.query));
  serve(app, api.listUnread, async (request) => listUnreadRecipients(requireActor(request.ctx), request.params.id, request.query));
  serve(app, api.attach, async (request) => addAnnouncementAttachment(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.download, async (request, reply) =>
    sendFile(reply, await getAnnouncementFile(requireActor(request.ctx), request.params.id, request.params.attachmentId), {
      cache: "no-store",
    }),
  );
};
