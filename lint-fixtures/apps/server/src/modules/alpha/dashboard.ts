// expect: domain-no-http
// Rule 2: a module file that is no route, index or test (any name: dashboard.ts) imports fastify.
import type { FastifyRequest } from "fastify";

export type Request = FastifyRequest;
