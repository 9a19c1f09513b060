import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { referralEndpoints as api } from "@sanshe/contracts";
import { requireActor, requireAnyPermission } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { getReferral, listReferrals } from "./queries.js";
import {
  acceptReferral,
  addServiceRecord,
  completeReferral,
  declineReferral,
  markRead,
  openCaseForReferral,
  reassignReferral,
  revealReferralContact,
} from "./service.js";

/** Referrals (转介联办): the inbox, accept, decline, reassign, service records, complete, open a case. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) =>
    listReferrals(requireAnyPermission(request.ctx, ["referrals.handle", "needs.read"]), request.query),
  );
  serve(app, api.get, async (request) => {
    const ctx = requireActor(request.ctx);
    await markRead(ctx, request.params.id);
    return getReferral(ctx, request.params.id);
  });
  serve(app, api.accept, async (request) => acceptReferral(requireActor(request.ctx), request.params.id));
  serve(app, api.complete, async (request) => completeReferral(requireActor(request.ctx), request.params.id));
  serve(app, api.decline, async (request) => declineReferral(requireActor(request.ctx), request.params.id, request.body.reason));
  serve(app, api.reassign, async (request) => reassignReferral(requireActor(request.ctx), request.params.id, request.body));
  serve(app, api.addServiceRecord, async (request) => addServiceRecord(requireActor(request.ctx), request.params.id, request.body));
  // The answer holds the full contact: never stored for Idempotency-Key replay; every call is audited.
  serve(app, api.contact, async (request) => revealReferralContact(requireActor(request.ctx), request.params.id, request.body.purpose), {
    config: { storeIdempotentAnswer: false },
  });
  serve(app, api.openCase, async (request) => openCaseForReferral(requireActor(request.ctx), request.params.id, request.body));
};
