import path from "node:path";
import type { Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { countAreas } from "./queries.js";
import { importAreas, readAreaFiles, referenceDir } from "./service.js";

/** Demo world: the real divisions of 郑州市 (4101), 15 counties, 208 streets, 3,306 communities. */
export async function seedAreas(ctx: Ctx, options: SeedOptions): Promise<void> {
  if ((await countAreas(ctx)) > 0) {
    return;
  }
  const rows = readAreaFiles({
    streets: path.join(referenceDir, "zhengzhou-4101-streets.csv"),
    villages: path.join(referenceDir, "zhengzhou-4101-villages.csv"),
  });
  const result = await importAreas(ctx, rows, { dataDir: options.dataDir, minFreeBytes: options.minFreeBytes });
  options.log(`areas: ${result.inserted} Zhengzhou divisions imported`);
}
