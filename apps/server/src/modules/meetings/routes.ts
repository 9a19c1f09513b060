import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  InvitationAnswerSchema,
  InviteeOptionsQuerySchema,
  InviteeOptionsSchema,
  InviteeParamsSchema,
  MeetingCreateSchema,
  MeetingHistoryQuerySchema,
  MeetingHistorySchema,
  MeetingIdParamsSchema,
  MeetingListQuerySchema,
  MeetingPageSchema,
  MeetingSchema,
  MeetingUpdateSchema,
  MinutesUpdateSchema,
  ProblemSchema,
  PublicMeetingSummaryPageSchema,
  PublicMeetingSummaryQuerySchema,
  ResolutionCreateSchema,
  SignInSchema,
  SummaryPublishSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { getInviteeOptions, getMeeting, getMeetingHistory, listMeetings, listPublicSummaries } from "./queries.js";
import {
  addResolution,
  answerInvitation,
  createMeeting,
  publishSummary,
  saveMinutes,
  selfSignIn,
  signInInvitee,
  updateMeeting,
} from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["meetings"];

/** Joint meetings (联席会议): convening, invitations, sign-in, minutes, resolutions and summaries. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/meetings",
    {
      schema: {
        summary: "Meetings you may read (your area as official or community staff; those you or your organization are invited to)",
        tags,
        querystring: MeetingListQuerySchema,
        response: { 200: MeetingPageSchema, ...errors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => listMeetings(requireActor(request.ctx), request.query),
  );

  app.post(
    "/meetings",
    {
      schema: {
        summary: "Convene a meeting in your street or community (schedule: true sends the invitations); Idempotency-Key supported",
        tags,
        body: MeetingCreateSchema,
        response: { 201: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/meetings/invitee-options",
    {
      schema: {
        summary: "Users, organizations and facilities a convener can pick for a meeting of an area",
        tags,
        querystring: InviteeOptionsQuerySchema,
        response: { 200: InviteeOptionsSchema, ...errors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => getInviteeOptions(requireActor(request.ctx), request.query.area_code),
  );

  app.get(
    "/meetings/history",
    {
      schema: {
        summary: "Meeting history of an area: meetings held, decisions, action-item completion rate and median delay",
        tags,
        querystring: MeetingHistoryQuerySchema,
        response: { 200: MeetingHistorySchema, ...errors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => getMeetingHistory(requireActor(request.ctx), request.query.area_code),
  );

  app.get(
    "/meetings/:id",
    {
      schema: {
        summary: "One meeting: invitees and answers, agenda (overdue action items of the area first), resolutions and action items",
        tags,
        params: MeetingIdParamsSchema,
        response: { 200: MeetingSchema, ...errors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => getMeeting(requireActor(request.ctx), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      schema: {
        summary: "Change time, place or title, or move the meeting on (scheduled sends the invitations); convener only",
        tags,
        params: MeetingIdParamsSchema,
        body: MeetingUpdateSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => updateMeeting(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/meetings/:id/invitees/:invitee_id/answer",
    {
      schema: {
        summary: "Answer an invitation for yourself or your organization: attend, decline or delegate",
        tags,
        params: InviteeParamsSchema,
        body: InvitationAnswerSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => answerInvitation(requireActor(request.ctx), request.params.id, request.params.invitee_id, request.body),
  );

  app.post(
    "/meetings/:id/invitees/:invitee_id/sign-in",
    {
      schema: {
        summary: "Sign an invitee in (convener)",
        tags,
        params: InviteeParamsSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => signInInvitee(requireActor(request.ctx), request.params.id, request.params.invitee_id),
  );

  app.post(
    "/meetings/:id/sign-in",
    {
      schema: {
        summary: "Sign yourself in with the meeting's QR-code token (within an hour of the meeting; wrong token 404)",
        tags,
        params: MeetingIdParamsSchema,
        body: SignInSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => selfSignIn(requireActor(request.ctx), request.params.id, request.body.token),
  );

  app.put(
    "/meetings/:id/minutes",
    {
      schema: {
        summary: "Write the minutes (HTML, sanitized on write); convener only, held or minuted meetings",
        tags,
        params: MeetingIdParamsSchema,
        body: MinutesUpdateSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => saveMinutes(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/meetings/:id/resolutions",
    {
      schema: {
        summary: "Record a resolution on an agenda item with its action items (owners are notified); Idempotency-Key supported",
        tags,
        params: MeetingIdParamsSchema,
        body: ResolutionCreateSchema,
        response: { 201: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request, reply) => reply.status(201).send(await addResolution(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.post(
    "/meetings/:id/summary",
    {
      schema: {
        summary: "Publish the summary residents of the area see (decisions, no personal data)",
        tags,
        params: MeetingIdParamsSchema,
        body: SummaryPublishSchema,
        response: { 200: MeetingSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => publishSummary(requireActor(request.ctx), request.params.id, request.body),
  );
};

/** The published summaries residents read without signing in. */
export const publicMeetingSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/public/meeting-summaries",
    {
      schema: {
        summary: "Published summaries of joint meetings of an area (no sign-in; no names, no minutes)",
        tags,
        querystring: PublicMeetingSummaryQuerySchema,
        response: { 200: PublicMeetingSummaryPageSchema, 400: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => listPublicSummaries(request.ctx, request.query),
  );
};
