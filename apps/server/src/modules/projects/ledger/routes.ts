import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ledgerEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { listLedger, summarizeLedger } from "./queries.js";
import { createLedgerEntry } from "./service.js";

/** The funding ledger (费随事转): disbursements and other income by source. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listLedger(requireActor(request.ctx), request.query));
  serve(app, api.create, async (request) => createLedgerEntry(requireActor(request.ctx), request.body));
  serve(app, api.summary, async (request) => summarizeLedger(requireActor(request.ctx), request.query));
};
