import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  LedgerEntryCreateSchema,
  LedgerEntrySchema,
  LedgerListQuerySchema,
  LedgerPageSchema,
  LedgerSummaryQuerySchema,
  LedgerSummarySchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { listLedger, summarizeLedger } from "./queries.js";
import { createLedgerEntry } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The funding ledger (费随事转): disbursements and other income by source. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/funding-ledger",
    {
      schema: {
        summary: "Funding ledger rows (organization: its own; purchaser side: your area), latest payment first",
        tags: ["projects"],
        querystring: LedgerListQuerySchema,
        response: { 200: LedgerPageSchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => listLedger(requireActor(request.ctx), request.query),
  );

  app.post(
    "/funding-ledger",
    {
      schema: {
        summary: "Record your organization's income from a source other than government purchase; Idempotency-Key supported",
        tags: ["projects"],
        body: LedgerEntryCreateSchema,
        response: { 201: LedgerEntrySchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "projects.apply" },
    },
    async (request, reply) => reply.status(201).send(await createLedgerEntry(requireActor(request.ctx), request.body)),
  );

  app.get(
    "/funding-ledger/summary",
    {
      schema: {
        summary: "Totals by year and source of one organization's income (org_id) or of an area's rows (area), over the rows you read",
        tags: ["projects"],
        querystring: LedgerSummaryQuerySchema,
        response: { 200: LedgerSummarySchema, ...errors },
      },
      config: { access: "projects.read" },
    },
    async (request) => summarizeLedger(requireActor(request.ctx), request.query),
  );
};
