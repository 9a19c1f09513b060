import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { meetingEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getInviteeOptions, getMeeting, getMeetingHistory, listMeetings, listPublicSummaries } from "./queries.js";
import {
  addResolution,
  amendMinutes,
  answerInvitation,
  createMeeting,
  publishSummary,
  saveMinutes,
  selfSignIn,
  signInInvitee,
  updateMeeting,
} from "./service.js";

/** Joint meetings (联席会议): convening, invitations, sign-in, minutes, resolutions and summaries. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listMeetings(requireActor(request.ctx), request.query));
  serve(app, api.convene, async (request) => createMeeting(requireActor(request.ctx), request.body));
  serve(app, api.inviteeOptions, async (request) => getInviteeOptions(requireActor(request.ctx), request.query.area_code));
  serve(app, api.history, async (request) => getMeetingHistory(requireActor(request.ctx), request.query.area_code));
  serve(app, api.get, async (request) => getMeeting(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateMeeting(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.answerInvitation, async (request) =>
    answerInvitation(requireActor(request.ctx), request.params.id, request.params.invitee_id, request.body),
  );
  serve(app, api.signInInvitee, async (request) => signInInvitee(requireActor(request.ctx), request.params.id, request.params.invitee_id));
  serve(app, api.signIn, async (request) => selfSignIn(requireActor(request.ctx), request.params.id, request.body.token));
  serve(app, api.saveMinutes, async (request) => saveMinutes(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.amendMinutes, async (request) => amendMinutes(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.addResolution, async (request) => addResolution(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.publishSummary, async (request) => publishSummary(requireActor(request.ctx), request.params.id, request.body));
};

/** The published summaries residents read without signing in. */
export const publicMeetingSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.publicSummaries, async (request) => listPublicSummaries(request.ctx, request.query));
};
