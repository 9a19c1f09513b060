import type { FastifyInstance } from "fastify";
import { hsdsRoutes } from "./hsds/routes.js";

/** Open-data feeds in published standards, outside /api/v1: Open Referral HSDS 3.0 at /open/hsds. */
export async function registerOpenRoutes(app: FastifyInstance): Promise<void> {
  await app.register(hsdsRoutes, { prefix: "/open/hsds" });
}
