import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { workloadEndpoints as api } from "@sanshe/contracts/admin-tasks";
import { requireActor } from "../../../platform/ctx.js";
import { serve } from "../../../platform/http/endpoint.js";
import { sendFile } from "../../../platform/http/files.js";
import { exportWorkload } from "./export.js";
import { getWorkload } from "./queries.js";

/** The workload picture (社区工作负担): figures, trend, figure 3-1 and departments, and its spreadsheet. */
export const workloadRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.get, async (request) => getWorkload(requireActor(request.ctx), request.query));
  serve(app, api.export, async (request, reply) =>
    sendFile(reply, await exportWorkload(requireActor(request.ctx), request.query), { cache: "no-store" }),
  );
};
