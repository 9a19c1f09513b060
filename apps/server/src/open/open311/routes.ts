import type { FastifyReply, FastifyRequest } from "fastify";
import fastifyFormbody from "@fastify/formbody";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { PhoneSchema, text, type Locale } from "@sanshe/contracts";
import type { Ctx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { errorDetail, errorEntry, type ErrorCode } from "../../platform/errors/catalog.js";
import { classifyError } from "../../platform/http/problem.js";
import { areaExists } from "../../modules/jurisdictions/index.js";
import { authenticateApiClient, type ApiClientIdentity } from "../../modules/api-clients/index.js";
import { createNeedFromChannel, listCategories, listChannelNeeds } from "../../modules/needs/index.js";
import { contentTypes, presentRequest, presentService, renderErrors, renderList, renderOne, statusNotes, type Format } from "./present.js";

/** The GeoReport v2 specification this adapter implements. */
export const open311Specification = "http://wiki.open311.org/GeoReport_v2";
/** Changed when the services or the adapter change in a way clients should notice. */
const changeset = "2026-11-27T00:00:00Z";
const formats: readonly Format[] = ["xml", "json"];
const tags = ["open311"];
/** GeoReport bodies are documents of the specification (XML or JSON by suffix), not repeated here. */
const document = z.any().describe("GeoReport v2 document (XML for .xml, JSON for .json)");
const responses = { 200: document, 400: document, 403: document, 404: document };
const maxRequests = 1000;
const defaultWindowDays = 90;

function formatOf(request: FastifyRequest): Format {
  return request.url.split("?")[0]?.endsWith(".json") ? "json" : "xml";
}

function send(reply: FastifyReply, format: Format, status: number, body: string): FastifyReply {
  return reply.status(status).type(contentTypes[format]).send(body);
}

/** `CODE: detail` in the caller's language: GeoReport errors carry the HTTP status as code, so the stable code leads the text. */
function describe(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  return `${code}: ${errorDetail(code, locale, params)}`;
}

/** The GeoReport error list for any thrown value (validation, AppError, or a fault). */
function errorsFor(error: unknown, request: FastifyRequest): { status: number; errors: Array<{ code: number; description: string }> } {
  const locale = request.locale;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? "body";
    return {
      status: 400,
      errors: error.validation.map((issue) => ({
        code: 400,
        description:
          `VALIDATION_FAILED: ${[context, ...issue.instancePath.split("/").filter(Boolean)].join(".")} ${issue.message ?? ""}`.trim(),
      })),
    };
  }
  const classified = classifyError(error);
  if (classified.code === "INTERNAL" || classified.code.startsWith("DATABASE_")) {
    request.log.error({ err: error }, "request failed");
  }
  const status = errorEntry(classified.code).status;
  return { status, errors: [{ code: status, description: describe(classified.code, locale, classified.params) }] };
}

function issuesError(issues: z.core.$ZodIssue[]): AppError {
  return new AppError("VALIDATION_FAILED", {}, { issues: issues.map((issue) => `${issue.path.join(".")} ${issue.message}`) });
}

/** Key (query or body) → the enabled API client. @throws AppError OPEN311_KEY_INVALID */
async function client(ctx: Ctx, key: string | undefined): Promise<ApiClientIdentity> {
  const found = await authenticateApiClient(ctx, key);
  if (!found) {
    throw new AppError("OPEN311_KEY_INVALID");
  }
  return found;
}

/** A jurisdiction_id inside the client's scope (or the client's whole scope when absent on reads). */
function jurisdictionPrefix(identity: ApiClientIdentity, jurisdiction: string | undefined): string {
  if (!jurisdiction) {
    return identity.areaCode;
  }
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(jurisdiction)) {
    throw new AppError("OPEN311_JURISDICTION_REQUIRED");
  }
  if (!jurisdiction.startsWith(identity.areaCode)) {
    throw new AppError("OPEN311_JURISDICTION_OUTSIDE");
  }
  return jurisdiction;
}

const optionalText = (max: number) => z.string().max(max).optional();
const KeyQuerySchema = z.object({
  api_key: optionalText(200).describe("Your API key (required for requests)"),
  jurisdiction_id: optionalText(12).describe("Area code (a community, 12 digits, for POST; any prefix inside your scope for reads)"),
});
const RequestsQuerySchema = KeyQuerySchema.extend({
  service_request_id: optionalText(4000).describe("Comma-separated request ids; other filters are then ignored"),
  service_code: optionalText(40).describe("Only this service (need category)"),
  start_date: optionalText(40).describe("Requests made at or after this instant (ISO 8601)"),
  end_date: optionalText(40).describe("Requests made at or before this instant (ISO 8601)"),
  status: z.enum(["open", "closed"]).optional().describe("open or closed"),
});
const number = z.union([z.string().max(40), z.number()]).optional();
/** The form fields as sent (strings); parsed into RequestInputSchema in the handler. */
const RequestBodySchema = z.looseObject({
  api_key: optionalText(200),
  jurisdiction_id: optionalText(12).describe("The community (12-digit area code): required, there is no geocoder"),
  service_code: z.string().max(40).describe("Need category code from /services"),
  lat: number,
  long: number,
  address_string: optionalText(200),
  address_id: optionalText(64),
  description: optionalText(2000),
  email: optionalText(120),
  device_id: optionalText(100),
  account_id: optionalText(100),
  first_name: optionalText(50),
  last_name: optionalText(50),
  phone: optionalText(32),
  media_url: optionalText(500),
});
const RequestInputSchema = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: text({ max: 200 }).optional(),
  description: text({ max: 2000 }).optional(),
  email: z.email().max(120).optional(),
  first_name: text({ max: 50 }).optional(),
  last_name: text({ max: 50 }).optional(),
  phone: PhoneSchema.optional(),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});

/** Form posts send empty fields as ""; they mean "not given". */
function withoutEmpty(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== "" && value !== null && value !== undefined));
}

function parseInstant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === "") {
    return undefined;
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new AppError("VALIDATION_FAILED", {}, { issues: [`${field} is not an ISO 8601 instant`] });
  }
  return at;
}

/**
 * Open311 GeoReport v2 (XML and JSON by path suffix): discovery, services (need categories),
 * service definitions, and service requests that become needs routed like any other. Reads and
 * writes of requests need an API client key (api_clients module) and stay inside its area.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyFormbody);

  app.setErrorHandler((error, request, reply) => {
    const format = formatOf(request);
    const { status, errors } = errorsFor(error, request);
    const issues = error instanceof AppError ? (error.extra.issues as string[] | undefined) : undefined;
    const list = issues?.length ? issues.map((issue) => ({ code: status, description: `VALIDATION_FAILED: ${issue}` })) : errors;
    return send(reply, format, status, renderErrors(format, list));
  });
  app.setNotFoundHandler((request, reply) => {
    const format = formatOf(request);
    return send(reply, format, 404, renderErrors(format, [{ code: 404, description: describe("ROUTE_NOT_FOUND", request.locale) }]));
  });

  for (const format of formats) {
    app.get(
      `/discovery.${format}`,
      {
        schema: { summary: `GeoReport v2 discovery (${format.toUpperCase()})`, tags, response: { 200: document, 404: document } },
        config: { access: "public" },
      },
      async (request, reply) => {
        const base = `${request.protocol}://${request.host}/open311/v2`;
        const endpoint = {
          specification: open311Specification,
          url: base,
          changeset,
          type: "production",
          formats: ["text/xml", "application/json"],
        };
        const json = {
          changeset,
          contact: "请联系所在城市的三社联动平台管理员申请 API 密钥 / Ask the city's Sanshe administrator for an API key",
          key_service:
            "城市管理员在“开放接口客户端”页面登记客户端并发放密钥 / Keys are issued by the city administrator (API clients page)",
          endpoints: [endpoint],
        };
        const xml = { ...json, endpoints: { endpoint: { ...endpoint, formats: { format: endpoint.formats } } } };
        return send(reply, format, 200, renderOne(format, "discovery", json, xml));
      },
    );

    app.get(
      `/services.${format}`,
      {
        schema: {
          summary: `Services (need categories), grouped by service tier (${format.toUpperCase()})`,
          tags,
          querystring: KeyQuerySchema,
          response: responses,
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const { items } = await listCategories(request.ctx);
        return send(
          reply,
          format,
          200,
          renderList(
            format,
            "services",
            "service",
            items.map((category) => presentService(category, request.locale)),
          ),
        );
      },
    );

    app.get(
      `/services/:service_code.${format}`,
      {
        schema: {
          summary: `Service definition: no extra attributes (metadata is false for every service) (${format.toUpperCase()})`,
          tags,
          params: z.object({ service_code: z.string().max(40) }),
          querystring: KeyQuerySchema,
          response: responses,
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const { items } = await listCategories(request.ctx);
        if (!items.some((category) => category.code === request.params.service_code)) {
          throw notFound();
        }
        const json = { service_code: request.params.service_code, attributes: [] };
        return send(reply, format, 200, renderOne(format, "service_definition", json, { service_code: json.service_code, attributes: "" }));
      },
    );

    app.post(
      `/requests.${format}`,
      {
        schema: {
          summary: `Create a service request (form or JSON body): it becomes a need, routed at once (${format.toUpperCase()})`,
          tags,
          body: RequestBodySchema,
          response: { ...responses, 201: document },
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const body = request.body;
        const identity = await client(request.ctx, body.api_key);
        const parsed = RequestInputSchema.safeParse(withoutEmpty(body));
        if (!parsed.success) {
          throw issuesError(parsed.error.issues);
        }
        const input = parsed.data;
        const jurisdiction = body.jurisdiction_id;
        if (!jurisdiction || !/^\d{12}$/.test(jurisdiction)) {
          throw new AppError("OPEN311_JURISDICTION_REQUIRED");
        }
        jurisdictionPrefix(identity, jurisdiction);
        if (!(await areaExists(request.ctx, jurisdiction))) {
          throw new AppError("OPEN311_JURISDICTION_REQUIRED");
        }
        const name = [input.last_name, input.first_name].filter(Boolean).join("");
        const contact =
          name || input.phone || input.email
            ? {
                name: name || "匿名",
                ...(input.phone ? { phone: input.phone } : {}),
                ...(input.email ? { email: input.email } : {}),
              }
            : undefined;
        const ctx: Ctx = { ...request.ctx, audit: request.ctx.audit.as(null, identity.login) };
        const { items } = await listCategories(ctx);
        const category = items.find((item) => item.code === body.service_code);
        const { id } = await createNeedFromChannel(ctx, {
          channel: "open311",
          areaCode: jurisdiction,
          category: body.service_code,
          description: input.description ?? input.address_string ?? category?.name ?? body.service_code,
          contact,
          address: input.address_string,
          lat: input.lat,
          long: input.long,
          mediaUrl: input.media_url,
          actorLogin: identity.login,
        });
        const [need] = await listChannelNeeds(ctx, { areaPrefix: identity.areaCode, channel: "open311", ids: [id], limit: 1 });
        const created = { service_request_id: id, service_notice: need ? statusNotes(need, request.locale) : null, account_id: null };
        return send(reply, format, 201, renderList(format, "service_requests", "request", [created]));
      },
    );

    app.get(
      `/requests.${format}`,
      {
        schema: {
          summary: `Service requests posted by Open311 clients inside your key's area, newest first (at most 1000; 90 days by default) (${format.toUpperCase()})`,
          tags,
          querystring: RequestsQuerySchema,
          response: responses,
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const query = request.query;
        const identity = await client(request.ctx, query.api_key);
        const areaPrefix = jurisdictionPrefix(identity, query.jurisdiction_id);
        const ids = query.service_request_id
          ?.split(",")
          .map((id) => id.trim())
          .filter(Boolean);
        const to = parseInstant(query.end_date, "end_date");
        const from =
          parseInstant(query.start_date, "start_date") ??
          (ids ? undefined : new Date((to ?? request.ctx.now()).getTime() - defaultWindowDays * 86_400_000));
        const needs = await listChannelNeeds(request.ctx, {
          areaPrefix,
          channel: "open311",
          ...(ids
            ? { ids }
            : { category: query.service_code, from, to, closed: query.status === undefined ? undefined : query.status === "closed" }),
          limit: maxRequests,
        });
        return send(
          reply,
          format,
          200,
          renderList(
            format,
            "service_requests",
            "request",
            needs.map((need) => presentRequest(need, request.locale)),
          ),
        );
      },
    );

    app.get(
      `/requests/:service_request_id.${format}`,
      {
        schema: {
          summary: `One service request with its status and notes (${format.toUpperCase()})`,
          tags,
          params: z.object({ service_request_id: z.string().max(64) }),
          querystring: KeyQuerySchema,
          response: responses,
        },
        config: { access: "public" },
      },
      async (request, reply) => {
        const identity = await client(request.ctx, request.query.api_key);
        const areaPrefix = jurisdictionPrefix(identity, request.query.jurisdiction_id);
        const [need] = await listChannelNeeds(request.ctx, {
          areaPrefix,
          channel: "open311",
          ids: [request.params.service_request_id],
          limit: 1,
        });
        if (!need) {
          throw notFound();
        }
        return send(reply, format, 200, renderList(format, "service_requests", "request", [presentRequest(need, request.locale)]));
      },
    );
  }
};
