import type { FastifyInstance } from "fastify";
import { hsdsRoutes } from "./hsds/routes.js";
import { ocdsRoutes } from "./ocds/routes.js";
import { open311Routes } from "./open311/routes.js";
import { icalRoutes } from "./ical/routes.js";

/**
 * Standards adapters outside /api/v1: Open Referral HSDS 3.0 at /open/hsds, OCDS 1.1 at /open/ocds,
 * Open311 GeoReport v2 at /open311/v2, iCalendar feeds at /calendar.
 */
export async function registerOpenRoutes(app: FastifyInstance): Promise<void> {
  await app.register(hsdsRoutes, { prefix: "/open/hsds" });
  await app.register(ocdsRoutes, { prefix: "/open/ocds" });
  await app.register(open311Routes, { prefix: "/open311/v2" });
  await app.register(icalRoutes, { prefix: "/calendar" });
}
