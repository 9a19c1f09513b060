import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { exportEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { AppError } from "../../platform/errors/app-error.js";
import { startExport } from "./service.js";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.download, async (request, reply) => {
    const spec = app.sanshe.exportSpecs.get(request.params.kind);
    if (!spec) {
      throw new AppError("UNKNOWN_KIND");
    }
    const { format, ...filters } = request.query;
    const { stream, contentType, fileName } = await startExport(requireActor(request.ctx), spec, format, filters);
    return reply
      .header("content-type", contentType)
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .header("cache-control", "no-store")
      .send(stream);
  });
};
