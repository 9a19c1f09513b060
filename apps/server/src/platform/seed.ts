import type { ModuleManifest, SeedOptions } from "./module.js";
import type { Ctx } from "./ctx.js";

/** Runs every module's demo seed in registry order (each is idempotent). */
export async function seedDemo(ctx: Ctx, modules: readonly ModuleManifest[], options: SeedOptions): Promise<void> {
  for (const module of modules) {
    await module.seedDemo?.(ctx, options);
  }
}

/**
 * mulberry32, a small seeded PRNG: the demo world (and the benchmark's) is the same on every machine
 * for the same seed. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
