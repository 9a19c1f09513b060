import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ImportCommitSchema,
  ImportCreateQuerySchema,
  ImportJobListQuerySchema,
  ImportJobPageSchema,
  ImportJobParamsSchema,
  ImportJobSchema,
  ImportKindListSchema,
  ImportKindParamsSchema,
  ImportTemplateQuerySchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor, type ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { spreadsheetLimits } from "../../platform/files/spreadsheet.js";
import type { ImportSpec } from "../../platform/module.js";
import { listImportJobs } from "./queries.js";
import { createImportJob, getImportJob, runImport, startImport } from "./service.js";
import { presentImportJob } from "./present.js";
import { writeTemplate } from "./template.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const uploadTypes = [
  "application/octet-stream",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
];

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

  app.addContentTypeParser(uploadTypes, { parseAs: "buffer", bodyLimit: spreadsheetLimits.bytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/imports",
    {
      schema: {
        summary:
          "Upload a spreadsheet (XLSX or CSV as the raw request body) and get its validation report; nothing is written yet. Only the valid rows are kept, encrypted, until the job ends (at most SANSHE_IMPORT_RETENTION_DAYS). One file is read at a time per server: others wait briefly or get 503 IMPORT_BUSY with Retry-After",
        tags: ["imports"],
        querystring: ImportCreateQuerySchema,
        response: { 201: ImportJobSchema, ...errors, 413: ProblemSchema, 415: ProblemSchema, 503: ProblemSchema },
      },
      // Parsing is long and may wait for other uploads: not inside a transaction held meanwhile.
      config: { access: "imports.run", requestTransaction: false },
    },
    async (request, reply) => {
      const ctx = requireActor(request.ctx);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE");
      }
      const job = await createImportJob(
        ctx,
        specFor(request.query.kind),
        { name: request.query.file_name, bytes: request.body },
        { maxUnpackedBytes: app.sanshe.config.importMaxUnpackedBytes },
      );
      return reply.status(201).send(presentImportJob(job, ctx.now()));
    },
  );

  app.get(
    "/imports/kinds",
    {
      schema: {
        summary: "What you may import, with each template's columns",
        tags: ["imports"],
        response: { 200: ImportKindListSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
      config: { access: "imports.run" },
    },
    async (request) => {
      const ctx = requireActor(request.ctx);
      const items = [...specs.values()]
        .filter((spec) => !spec.permission || ctx.actor.can(spec.permission))
        .map((spec) => ({
          kind: spec.kind,
          columns: spec.columns.map(({ key, header, header_en, example }) => ({ key, header, header_en, ...(example ? { example } : {}) })),
        }));
      return { items };
    },
  );

  app.get(
    "/imports",
    {
      schema: {
        summary: "Your import jobs, newest first",
        tags: ["imports"],
        querystring: ImportJobListQuerySchema,
        response: { 200: ImportJobPageSchema, ...errors },
      },
      config: { access: "imports.run" },
    },
    async (request) => listImportJobs(requireActor(request.ctx), request.query),
  );

  app.get(
    "/imports/:id",
    {
      schema: {
        summary: "One of your import jobs with its report and progress",
        tags: ["imports"],
        params: ImportJobParamsSchema,
        response: { 200: ImportJobSchema, ...errors },
      },
      config: { access: "imports.run" },
    },
    async (request) => {
      const ctx = requireActor(request.ctx);
      return presentImportJob(await getImportJob(ctx, request.params.id), ctx.now());
    },
  );

  app.post(
    "/imports/:id/commit",
    {
      schema: {
        summary: "Write a validated import: everything (only when there are no errors) or only the valid rows; runs in the background",
        tags: ["imports"],
        params: ImportJobParamsSchema,
        body: ImportCommitSchema,
        response: { 202: ImportJobSchema, ...errors },
      },
      // The job runs after the answer, on its own transactions; a job commits once by its state.
      config: { access: "imports.run", requestTransaction: false },
    },
    async (request, reply) => {
      const ctx = requireActor(request.ctx);
      const job = await startImport(ctx, request.params.id, request.body.mode);
      runInBackground(ctx, specFor(job.kind), job.id);
      return reply.status(202).send(presentImportJob(job, ctx.now()));
    },
  );

  app.post(
    "/imports/:id/resume",
    {
      schema: {
        summary: "Resume an interrupted import after its last committed row",
        tags: ["imports"],
        params: ImportJobParamsSchema,
        response: { 202: ImportJobSchema, ...errors },
      },
      // The job runs after the answer, on its own transactions; a job commits once by its state.
      config: { access: "imports.run", requestTransaction: false },
    },
    async (request, reply) => {
      const ctx = requireActor(request.ctx);
      const job = await startImport(ctx, request.params.id, "resume");
      runInBackground(ctx, specFor(job.kind), job.id);
      return reply.status(202).send(presentImportJob(job, ctx.now()));
    },
  );

  app.get(
    "/imports/templates/:kind",
    {
      schema: {
        summary: "Download the import template (Chinese headers and an example row)",
        tags: ["imports"],
        params: ImportKindParamsSchema,
        querystring: ImportTemplateQuerySchema,
        response: { 200: z.any().describe("The template file"), ...errors },
      },
      config: { access: "imports.run" },
    },
    async (request, reply) => {
      const spec = specFor(request.params.kind);
      const { bytes, contentType, extension } = await writeTemplate(spec, request.query.format);
      return reply
        .header("content-type", contentType)
        .header(
          "content-disposition",
          `attachment; filename="${spec.kind}-template.${extension}"; filename*=UTF-8''${encodeURIComponent(`${spec.kind}-导入模板.${extension}`)}`,
        )
        .send(bytes);
    },
  );
};
