import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AnnouncementAttachmentParamsSchema,
  AnnouncementAudienceOrgsQuerySchema,
  AnnouncementAudienceOrgsSchema,
  AnnouncementAttachmentSchema,
  AnnouncementCreateSchema,
  AnnouncementDetailSchema,
  AnnouncementFileTypeSchema,
  AnnouncementIdParamsSchema,
  AnnouncementListQuerySchema,
  AnnouncementPageSchema,
  AnnouncementSentPageSchema,
  AnnouncementUnreadPageSchema,
  AnnouncementUpdateSchema,
  MAX_ANNOUNCEMENT_FILE_BYTES,
  PageQuerySchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { downloadHeaders } from "../../platform/files/attachments.js";
import {
  getAnnouncementFile,
  listAudienceOrganizations,
  listMyAnnouncements,
  listSentAnnouncements,
  listUnreadRecipients,
} from "./queries.js";
import { addAnnouncementAttachment, openAnnouncement, publishAnnouncement, updateAnnouncement } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ["announcements"];

/** Announcements (通知公告): publish to an area and audience, read your own, see who has not read. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    AnnouncementFileTypeSchema.options,
    { parseAs: "buffer", bodyLimit: MAX_ANNOUNCEMENT_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    "/announcements",
    {
      schema: {
        summary: "Announcements addressed to you: unexpired, pinned first, then newest; with your unread count",
        tags,
        querystring: AnnouncementListQuerySchema,
        response: { 200: AnnouncementPageSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listMyAnnouncements(requireActor(request.ctx), request.query),
  );

  app.get(
    "/announcements/audience-organizations",
    {
      schema: {
        summary: "Organizations an announcement to an area in your jurisdiction can be addressed to (their staff would receive it)",
        tags,
        querystring: AnnouncementAudienceOrgsQuerySchema,
        response: { 200: AnnouncementAudienceOrgsSchema, ...errors },
      },
      config: { access: "announcements.publish" },
    },
    async (request) => listAudienceOrganizations(requireActor(request.ctx), request.query),
  );

  app.post(
    "/announcements",
    {
      schema: {
        summary:
          "Publish an announcement to an area in your jurisdiction (optionally to some roles or organizations); recipients are notified; Idempotency-Key supported",
        tags,
        body: AnnouncementCreateSchema,
        response: { 201: AnnouncementDetailSchema, ...errors },
      },
      config: { access: "announcements.publish" },
    },
    async (request, reply) => reply.status(201).send(await publishAnnouncement(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/announcements/sent",
    {
      schema: {
        summary: "Announcements in your publishing jurisdiction, newest first, with recipient and read counts",
        tags,
        querystring: PageQuerySchema,
        response: { 200: AnnouncementSentPageSchema, ...errors },
      },
      config: { access: "announcements.publish" },
    },
    async (request) => listSentAnnouncements(requireActor(request.ctx), request.query),
  );

  app.get(
    "/announcements/:id",
    {
      schema: {
        summary: "Open an announcement you received (marks it read) or manage; 404 otherwise",
        tags,
        params: AnnouncementIdParamsSchema,
        response: { 200: AnnouncementDetailSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => openAnnouncement(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/announcements/:id",
    {
      schema: {
        summary: "Edit an announcement you manage (title, body, pinned, expiry); 409 on a stale version",
        tags,
        params: AnnouncementIdParamsSchema,
        body: AnnouncementUpdateSchema,
        response: { 200: AnnouncementDetailSchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "announcements.publish" },
    },
    async (request) => updateAnnouncement(requireActor(request.ctx), request.params.id, request.body),
  );

  app.get(
    "/announcements/:id/unread",
    {
      schema: {
        summary: "Recipients who have not opened an announcement you manage (names only), by name",
        tags,
        params: AnnouncementIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: AnnouncementUnreadPageSchema, ...errors },
      },
      config: { access: "announcements.publish" },
    },
    async (request) => listUnreadRecipients(requireActor(request.ctx), request.params.id, request.query),
  );

  app.post(
    "/announcements/:id/attachments",
    {
      bodyLimit: MAX_ANNOUNCEMENT_FILE_BYTES,
      schema: {
        summary:
          "Attach a file (the raw PDF, JPEG, PNG or WebP as the body, 10 MB at most, 5 per announcement) to an announcement you manage; Idempotency-Key supported",
        tags,
        params: AnnouncementIdParamsSchema,
        response: { 201: AnnouncementAttachmentSchema, ...errors, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema },
      },
      config: { access: "announcements.publish" },
    },
    async (request, reply) =>
      reply.status(201).send(await addAnnouncementAttachment(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.get(
    "/announcements/:id/attachments/:attachmentId",
    {
      schema: {
        summary: "Download an attachment of an announcement you received or manage; 404 otherwise",
        tags,
        params: AnnouncementAttachmentParamsSchema,
        response: { 200: z.any().describe("The file bytes"), ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      const file = await getAnnouncementFile(requireActor(request.ctx), request.params.id, request.params.attachmentId);
      return reply
        .headers(
          downloadHeaders(file, {
            disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
            cacheControl: "private, no-store",
          }),
        )
        .send(file.bytes);
    },
  );
};
