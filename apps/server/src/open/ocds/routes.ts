import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ProblemSchema } from "@sanshe/contracts";
import { notFound } from "../../platform/errors/app-error.js";
import { createReleaseHeadCache, getOcdsProcesses, listOcdsReleaseHeads, type OcdsReleaseHead } from "../../modules/projects/index.js";
import type { Ctx } from "../../platform/ctx.js";
import { cursorCodec, cursorInstant } from "../../platform/pagination/cursor.js";
import { presentRelease } from "./present.js";

/** OCDS version served (the schemas in ./schema are 1.1.5). */
export const ocdsVersion = "1.1";
const publisher = { name: "Sanshe 三社联动平台" };
const license = "https://creativecommons.org/licenses/by/4.0/";

const tags = ["open-ocds"];
/** OCDS bodies are described by the official schemas (release and record packages), not repeated here. */
const ocdsBody = z.any().describe("OCDS 1.1 package, see the official schemas");

const InstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/)
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: "invalid date" })
  // A bare date is the start of that day in China Standard Time.
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value));

const ReleasesQuerySchema = z.object({
  since: InstantSchema.optional().describe("Only releases dated on or after this date or instant"),
  until: InstantSchema.optional().describe("Only releases dated on or before this instant (a date means its start)"),
  cursor: z.string().max(512).optional().describe("Opaque cursor from links.next"),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Releases per page, 1 to 100"),
});

/** (date, release id) of the last release; an unreadable cursor is a 400. */
const releaseCursor = cursorCodec(z.tuple([cursorInstant, z.string()]).rest(z.unknown()));
const encodeCursor = (head: OcdsReleaseHead) => releaseCursor.encode([head.date.toISOString(), head.releaseId]);

function decodeCursor(cursor: string): { date: Date; releaseId: string } {
  const [date, releaseId] = releaseCursor.decodeOrThrow(cursor, "invalid cursor");
  return { date: new Date(date), releaseId };
}

function packageMeta(ctx: Ctx, uri: string) {
  return {
    uri,
    version: ocdsVersion,
    publisher,
    license,
    publishedDate: ctx.now().toISOString(),
  };
}

/** Releases of these heads, in their order (five statements for the page's processes). */
async function releasesOf(ctx: Ctx, heads: readonly OcdsReleaseHead[]) {
  const processes = await getOcdsProcesses(
    ctx,
    heads.map((head) => head.callId),
  );
  const now = ctx.now();
  return heads.flatMap((head) => {
    const process = processes.get(head.callId);
    return process ? [presentRelease(process, head, now)] : [];
  });
}

/**
 * The Open Contracting Data Standard (OCDS 1.1) feed of government purchase of services (public,
 * read-only): release packages by keyset page and a record package per contracting process.
 */
export const ocdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const heads = createReleaseHeadCache(app.sanshe.config.ocdsCacheSeconds);
  app.get(
    "/releases",
    {
      schema: {
        summary: "OCDS release package: one release per stage of each published call, oldest first, paginated by links.next",
        tags,
        querystring: ReleasesQuerySchema,
        response: { 200: ocdsBody, 400: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => {
      const { since, until, cursor, limit } = request.query;
      const after = cursor ? decodeCursor(cursor) : undefined;
      const found = await listOcdsReleaseHeads(
        request.ctx,
        {
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(after ? { after } : {}),
          limit: limit + 1,
        },
        heads,
      );
      const page = found.slice(0, limit);
      const self = new URL(request.url, `${request.protocol}://${request.host}`);
      const last = page.at(-1);
      let next: string | null = null;
      if (found.length > limit && last) {
        // The next page keeps every filter of this one and moves the cursor.
        const url = new URL(self);
        url.searchParams.set("cursor", encodeCursor(last));
        next = url.toString();
      }
      return {
        ...packageMeta(request.ctx, self.toString()),
        releases: await releasesOf(request.ctx, page),
        ...(next ? { links: { next } } : {}),
      };
    },
  );

  app.get(
    "/records/:ocid",
    {
      schema: {
        summary: "OCDS record package of one contracting process: its releases embedded and the compiled release",
        tags,
        params: z.object({
          ocid: z
            .string()
            .min(1)
            .max(100)
            .regex(/^[A-Za-z0-9-]+$/),
        }),
        response: { 200: ocdsBody, 400: ProblemSchema, 404: ProblemSchema },
      },
      config: { access: "public" },
    },
    async (request) => {
      const { ocid } = request.params;
      const heads = await listOcdsReleaseHeads(request.ctx, { ocid, limit: 1000 });
      const first = heads[0];
      if (!first) {
        throw notFound();
      }
      const processes = await getOcdsProcesses(request.ctx, [first.callId]);
      const process = processes.get(first.callId);
      if (!process) {
        throw notFound();
      }
      const now = request.ctx.now();
      const latest = heads.reduce((max, head) => (head.date > max ? head.date : max), first.date);
      const releases = heads.map((head) => presentRelease(process, head, now));
      const compiledId = `${ocid}-compiled-${latest.toISOString().replace(/[-:.]/g, "")}`;
      return {
        ...packageMeta(request.ctx, `${request.protocol}://${request.host}/open/ocds/records/${ocid}`),
        records: [{ ocid, releases, compiledRelease: presentRelease(process, { compiled: true, id: compiledId, date: latest }, now) }],
      };
    },
  );
};
