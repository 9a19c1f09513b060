import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callEndpoints as api, creditEndpoints } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getCall, listCalls, suggestCall } from "./queries.js";
import { cancelCall, createCall, publishCall, updateCall } from "./service.js";
import { getCreditRecord, getPublicCreditSummary } from "../evaluation/credit.js";

/** Calls for projects (项目征集): drafting, publication, cancellation, the list and the suggestion from needs; credit records. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ocidPrefix } = app.sanshe.config;

  serve(app, api.list, async (request) => listCalls(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createCall(requireActor(request.ctx), request.body, ocidPrefix));
  serve(app, api.suggestion, async (request) => suggestCall(requireActor(request.ctx), request.query.area));
  serve(app, api.get, async (request) => getCall(requireActor(request.ctx), request.params.id));
  serve(app, api.update, async (request) => updateCall(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.publish, async (request) => publishCall(requireActor(request.ctx), request.params.id, request.body.version));
  serve(app, api.cancel, async (request) => cancelCall(requireActor(request.ctx), request.params.id, request.body.version));
  serve(app, creditEndpoints.record, async (request) => getCreditRecord(requireActor(request.ctx), request.params.id));
  serve(app, creditEndpoints.publicSummary, async (request) => getPublicCreditSummary(request.ctx, request.params.id));
};
