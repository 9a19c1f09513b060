import type { z } from "zod";
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { COMMON_PROBLEM_STATUSES, ProblemSchema, type EndpointDef } from "@sanshe/contracts";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The request a handler of endpoint E receives: params, query and body already validated and typed. */
export type EndpointRequest<E extends EndpointDef> = FastifyRequest<{
  Params: Output<E["params"]>;
  Querystring: Output<E["query"]>;
  Body: E["body"] extends z.ZodType ? z.output<E["body"]> : E["upload"] extends object ? Buffer : undefined;
}>;

/** What a handler returns: the success body (the status is the endpoint's), nothing for 204, or the reply itself for a file. */
export type EndpointResult<E extends EndpointDef> = E["download"] extends true
  ? FastifyReply
  : E["status"] extends 204
    ? void
    : z.input<E["response"]>;

export type EndpointHandler<E extends EndpointDef> = (request: EndpointRequest<E>, reply: FastifyReply) => Promise<EndpointResult<E>>;

/** Route options that are server policy rather than contract (rate limits, transaction handling). */
export type EndpointOptions = { config?: Omit<FastifyContextConfig, "access">; bodyLimit?: number };

type RouteHost = Parameters<FastifyPluginAsyncZod>[0];

/** The OpenAPI response map of an endpoint: its success status and its problem statuses. */
export function endpointResponses(definition: EndpointDef): Record<number, z.ZodType> {
  const responses: Record<number, z.ZodType> = { [definition.status]: definition.response };
  for (const status of [...COMMON_PROBLEM_STATUSES, ...(definition.problems ?? [])]) {
    if (!definition.omitProblems?.includes(status)) {
      responses[status] = ProblemSchema;
    }
  }
  return responses;
}

/**
 * Registers a Fastify route from an endpoint contract: path, method, schemas, OpenAPI summary and
 * tags, access, and the success status all come from the contract, so the route file holds only the
 * call into the use case.
 */
export function serve<E extends EndpointDef>(
  app: RouteHost,
  definition: E,
  handler: EndpointHandler<E>,
  options: EndpointOptions = {},
): void {
  const schema: Record<string, unknown> = {
    summary: definition.summary,
    tags: [...definition.tags],
    ...(definition.params ? { params: definition.params } : {}),
    ...(definition.query ? { querystring: definition.query } : {}),
    ...(definition.body ? { body: definition.body } : {}),
    response: endpointResponses(definition),
  };
  const bodyLimit = options.bodyLimit ?? definition.upload?.maxBytes;
  app.route({
    method: definition.method,
    url: definition.path,
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    schema,
    config: { ...options.config, access: definition.access },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await handler(request as EndpointRequest<E>, reply);
      // A handler that answered itself (a file) returns the reply, which is a thenable: awaiting it
      // yields undefined once sent, so `sent` is what tells.
      if (result === reply || reply.sent) {
        return reply;
      }
      if (definition.status === 204) {
        return reply.status(204).send(null);
      }
      return reply.status(definition.status).send(result);
    },
  });
}
