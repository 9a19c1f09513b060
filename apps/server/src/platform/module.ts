import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Ctx } from "./ctx.js";

export type SeedOptions = { demoPassword: string; minFreeBytes: number; dataDir?: string | undefined; log: (line: string) => void };

/**
 * What a domain module offers the platform (CONVENTIONS §2). registry.ts lists the manifests in
 * order; the app mounts each module's routes under /api/v1 and runs demo seeds in that order.
 */
export type ModuleManifest = {
  name: string;
  /** Routes, with paths relative to /api/v1 (e.g. "/areas"). */
  routes: FastifyPluginAsyncZod;
  /** Loads the module's part of the demo world (idempotent). */
  seedDemo?: (ctx: Ctx, options: SeedOptions) => Promise<void>;
};
