import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { importEndpoints as api } from "@sanshe/contracts";
import { requireActor, type ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { serve } from "../../platform/http/endpoint.js";
import { spreadsheetLimits } from "../../platform/files/spreadsheet.js";
import type { ImportSpec } from "../../platform/module.js";
import { listImportJobs } from "./queries.js";
import { createImportJob, getImportJob, runImport, startImport } from "./service.js";
import { presentImportJob } from "./present.js";
import { writeTemplate } from "./template.js";
import { allowedValues, isRequiredColumn } from "./columns.js";

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const specs = app.sanshe.importSpecs;
  const specFor = (kind: string): ImportSpec => {
    const spec = specs.get(kind);
    if (!spec) {
      throw new AppError("UNKNOWN_KIND");
    }
    return spec;
  };
  /** Runs the job after the response; failures leave it running, so it shows as interrupted and can resume. */
  const runInBackground = (ctx: ActorCtx, spec: ImportSpec, id: string) => {
    app.sanshe.background(
      runImport(ctx, spec, id).catch((error: unknown) => {
        app.log.error({ err: error, job: id }, "import job stopped; it can be resumed");
      }),
    );
  };

  app.addContentTypeParser(
    [...api.create.upload.types],
    { parseAs: "buffer", bodyLimit: spreadsheetLimits.bytes },
    (_request, body, done) => done(null, body),
  );

  serve(
    app,
    api.create,
    async (request) => {
      const ctx = requireActor(request.ctx);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE");
      }
      const job = await createImportJob(
        ctx,
        specFor(request.query.kind),
        { name: request.query.file_name, bytes: request.body },
        {
          maxUnpackedBytes: app.sanshe.config.importMaxUnpackedBytes,
          ...(request.query.check === "background"
            ? {
                inBackground: (work: Promise<unknown>) =>
                  app.sanshe.background(work.catch((error: unknown) => app.log.error({ err: error }, "import check stopped"))),
              }
            : {}),
        },
      );
      return presentImportJob(job, ctx.now());
    },
    // Parsing is long and may wait for other uploads: not inside a transaction held meanwhile.
    { config: { requestTransaction: false }, bodyLimit: spreadsheetLimits.bytes },
  );

  serve(app, api.kinds, async (request) => {
    const ctx = requireActor(request.ctx);
    const items = [...specs.values()]
      .filter((spec) => !spec.permission || ctx.actor.can(spec.permission))
      .map((spec) => ({
        kind: spec.kind,
        columns: spec.columns.map((column) => {
          const allowed = allowedValues(column);
          return {
            key: column.key,
            header: column.header,
            header_en: column.header_en,
            ...(column.example ? { example: column.example } : {}),
            required: isRequiredColumn(spec, column.key),
            ...(allowed ? { allowed } : {}),
          };
        }),
      }));
    return { items };
  });

  serve(app, api.list, async (request) => listImportJobs(requireActor(request.ctx), request.query));

  serve(app, api.get, async (request) => {
    const ctx = requireActor(request.ctx);
    return presentImportJob(await getImportJob(ctx, request.params.id), ctx.now());
  });

  serve(
    app,
    api.commit,
    async (request) => {
      const ctx = requireActor(request.ctx);
      const job = await startImport(ctx, request.params.id, request.body.mode);
      runInBackground(ctx, specFor(job.kind), job.id);
      return presentImportJob(job, ctx.now());
    },
    // The job runs after the answer, on its own transactions; a job commits once by its state.
    { config: { requestTransaction: false } },
  );

  serve(
    app,
    api.resume,
    async (request) => {
      const ctx = requireActor(request.ctx);
      const job = await startImport(ctx, request.params.id, "resume");
      runInBackground(ctx, specFor(job.kind), job.id);
      return presentImportJob(job, ctx.now());
    },
    // The job runs after the answer, on its own transactions; a job commits once by its state.
    { config: { requestTransaction: false } },
  );

  serve(app, api.template, async (request, reply) => {
    const spec = specFor(request.params.kind);
    const { bytes, contentType, extension } = await writeTemplate(spec, request.query.format, request.query.lang ?? request.ctx.locale);
    return reply
      .header("content-type", contentType)
      .header(
        "content-disposition",
        `attachment; filename="${spec.kind}-template.${extension}"; filename*=UTF-8''${encodeURIComponent(`${spec.kind}-导入模板.${extension}`)}`,
      )
      .send(bytes);
  });
};
