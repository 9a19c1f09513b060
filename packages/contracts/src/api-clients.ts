import { z } from "zod";
import { AreaCodeSchema, PageQuerySchema, TimestampSchema, UuidSchema, pageOf, text } from "./common.js";
import { endpoint } from "./endpoint.js";

/** An external system (e.g. a 12345 hotline) that calls the Open311 GeoReport v2 API with its own key. */
export const ApiClientSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("Scope: the client may post and read requests of communities under this prefix"),
  area_name: z.string().describe("Name of the scope's area"),
  name: z.string().describe("Client name"),
  key_prefix: z.string().describe("First characters of the key, to recognise it (the key itself is never shown again)"),
  enabled: z.boolean(),
  last_used_at: TimestampSchema.nullable().describe("Last time the key was used"),
  version: z.number().int(),
  created_at: TimestampSchema,
});
export type ApiClient = z.infer<typeof ApiClientSchema>;
export const ApiClientPageSchema = pageOf(ApiClientSchema);

/** The answer to creation: the only time the key is shown. */
export const ApiClientCreatedSchema = ApiClientSchema.extend({
  api_key: z.string().describe("The API key; shown only once, store it now"),
});
export type ApiClientCreated = z.infer<typeof ApiClientCreatedSchema>;

export const ApiClientCreateSchema = z.strictObject({
  name: text({ max: 100 }).describe("Client name, e.g. 郑州市12345热线"),
  area_code: AreaCodeSchema.describe("Scope, inside your own"),
});
export type ApiClientCreate = z.infer<typeof ApiClientCreateSchema>;

export const ApiClientStatusSchema = z.strictObject({
  enabled: z.boolean().describe("false disables the key at once"),
  version: z.number().int().describe("The version you read"),
});
export type ApiClientStatus = z.infer<typeof ApiClientStatusSchema>;

export const ApiClientListQuerySchema = PageQuerySchema;
export type ApiClientListQuery = z.infer<typeof ApiClientListQuerySchema>;
export const ApiClientIdParamsSchema = z.object({ id: UuidSchema });

const tags = ["api-clients"] as const;

/** Open311 API clients, managed by the city (or district) administrator. */
export const apiClientEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api-clients",
    summary: "API clients in your scope, newest first",
    tags,
    access: "api_clients.manage",
    query: ApiClientListQuerySchema,
    status: 200,
    response: ApiClientPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/api-clients",
    summary: "Register an API client; the answer carries its key, shown only this once",
    tags,
    access: "api_clients.manage",
    body: ApiClientCreateSchema,
    status: 201,
    response: ApiClientCreatedSchema,
  }),
  setStatus: endpoint({
    method: "PUT",
    path: "/api-clients/:id/status",
    summary: "Enable or disable an API client's key (send the version you read)",
    tags,
    access: "api_clients.manage",
    params: ApiClientIdParamsSchema,
    body: ApiClientStatusSchema,
    status: 200,
    response: ApiClientSchema,
    problems: [409],
  }),
};
