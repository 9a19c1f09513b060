import type { z } from "zod";
import type { Permission } from "./auth.js";

/**
 * Endpoint contracts: one definition per API endpoint (method, path, what it takes, what it answers
 * and who may call it), used by the server to register the Fastify route and by the console's typed
 * client to call it. A path or a response shape is written once, here.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call an endpoint: anyone, any signed-in user, or a user holding a permission. */
export type Access = "public" | "authenticated" | Permission;

/** Problem statuses every endpoint may answer besides its own (bad input, no session, no right, not found). */
export const COMMON_PROBLEM_STATUSES = [400, 401, 403, 404] as const;

export type EndpointDef = {
  method: HttpMethod;
  /** Relative to /api/v1, with `:name` segments for path parameters (e.g. "/needs/:id"). */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** OpenAPI tags; the first one also names the console's query-key family for the endpoint. */
  tags: readonly [string, ...string[]];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body. Leave it out for endpoints that take raw bytes (`upload`) or nothing. */
  body?: z.ZodType;
  /** Raw bytes as the body (a photo, a PDF, a spreadsheet) with these content types. */
  upload?: { types: readonly string[]; maxBytes: number };
  /** Success status. 204 answers no body. */
  status: 200 | 201 | 202 | 204;
  /** The success body; for a download, a schema describing the bytes (`download: true`). */
  response: z.ZodType;
  /** The answer is a file (bytes with their own content type), not JSON: the console links to it. */
  download?: true;
  /** Problem statuses besides {@link COMMON_PROBLEM_STATUSES} (409, 413, 415, 422, 429 …). */
  problems?: readonly number[];
  /** Problem statuses of COMMON_PROBLEM_STATUSES this endpoint can never answer (e.g. 401 on a public one). */
  omitProblems?: readonly number[];
};

/** Defines an endpoint, keeping its literal types so both sides infer params, query, body and answer. */
export function endpoint<const E extends EndpointDef>(definition: E): E {
  return definition;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;

/** Path parameters a caller passes (strings or numbers), or never when the path has none. */
export type EndpointParams<E extends EndpointDef> = E["params"] extends z.ZodType ? InputOf<E["params"]> : never;
/** Query a caller passes; fields with defaults may be left out. */
export type EndpointQuery<E extends EndpointDef> = E["query"] extends z.ZodType ? InputOf<E["query"]> : never;
/** JSON body a caller sends, or a Blob for an upload. */
export type EndpointBody<E extends EndpointDef> = E["body"] extends z.ZodType
  ? InputOf<E["body"]>
  : E["upload"] extends object
    ? Blob
    : never;
/** What the endpoint answers on success (undefined for 204). */
export type EndpointResponse<E extends EndpointDef> = E["status"] extends 204 ? undefined : z.output<E["response"]>;

/** The inputs of a call: `params`, `query` and `body` where the endpoint has them. */
export type EndpointInput<E extends EndpointDef> = ([EndpointParams<E>] extends [never]
  ? { params?: never }
  : { params: EndpointParams<E> }) &
  ([EndpointQuery<E>] extends [never] ? { query?: never } : { query?: EndpointQuery<E> }) &
  ([EndpointBody<E>] extends [never] ? { body?: never } : { body: EndpointBody<E> });

/**
 * Fills `:name` segments of an endpoint's path from its parameters (URI-encoded). A missing
 * parameter is a programming error and throws.
 */
export function endpointPath(definition: Pick<EndpointDef, "path">, params?: Record<string, string | number>): string {
  return definition.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "") {
      throw new Error(`Path parameter "${name}" missing for ${definition.path}`);
    }
    return encodeURIComponent(String(value));
  });
}
