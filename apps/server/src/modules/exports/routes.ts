import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ProblemSchema } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { startExport } from "./service.js";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/exports/:kind",
    {
      schema: {
        summary: "Export a filtered list to XLSX or CSV (masked, streamed, audited); the list's filters go in the query string",
        tags: ["exports"],
        params: z.object({
          kind: z
            .string()
            .regex(/^[a-z-]{2,40}$/)
            .describe("What to export: residents, social-orgs, social-workers, communities, …"),
        }),
        querystring: z
          .looseObject({ format: z.enum(["xlsx", "csv"]).default("xlsx").describe("File format") })
          .describe("format plus the list's own filters"),
        response: { 200: z.any().describe("The file"), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
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
    },
  );
};
