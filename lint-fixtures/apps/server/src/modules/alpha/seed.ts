// expect: domain-no-http
// Rule 2: seed.ts may import its schema but not @fastify/*.
import cookie from "@fastify/cookie";
import { alphas } from "./schema.js";

export const seed = [cookie, alphas];
