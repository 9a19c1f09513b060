import type { ModuleManifest, SeedOptions } from "./module.js";
import type { Ctx } from "./ctx.js";

/** Runs every module's demo seed in registry order (each is idempotent). */
export async function seedDemo(ctx: Ctx, modules: readonly ModuleManifest[], options: SeedOptions): Promise<void> {
  for (const module of modules) {
    await module.seedDemo?.(ctx, options);
  }
}
