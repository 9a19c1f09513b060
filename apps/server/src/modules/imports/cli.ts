import path from "node:path";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CliCommand, ImportSpec } from "../../platform/module.js";
import { assembled } from "../../platform/module.js";
import { loadActorByLogin } from "../../platform/auth/actor.js";
import { createAuditWriter } from "../../platform/audit/writer.js";
import { sealAll } from "../../platform/audit/chain.js";
import { systemCtx } from "../../platform/system.js";
import { createImportJob, runImport, startImport } from "./service.js";

/** `sanshe import <kind> <file> …` and `sanshe import resume <job> …`: the web import, from a terminal. */
export const importCommand: CliCommand = {
  name: "import",
  usage: `import <kind> <file> --as <login> [--commit] [--valid-only]
                                validate a registry spreadsheet (XLSX/CSV) acting as that user, print the
                                report; --commit writes it (--valid-only skips bad rows)
  import resume <job-id> --as <login>
                                continue an interrupted import after its last committed row`,
  async run(args, { print, withDatabase }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: "string" }, commit: { type: "boolean" }, "valid-only": { type: "boolean" } },
    });
    const [kindOrResume, target] = positionals;
    const specs: Map<string, ImportSpec> = assembled().importSpecs;
    if (!kindOrResume || !target || !values.as) {
      print(`import needs <kind> <file> --as <login> (kinds: ${[...specs.keys()].join(", ") || "none"}) or resume <job-id> --as <login>`);
      return 2;
    }
    return withDatabase(async (database) => {
      const actor = await loadActorByLogin(database.db, values.as ?? "");
      if (!actor) {
        print(`import: no active user ${values.as}`);
        return 2;
      }
      const ctx = {
        ...systemCtx(database.db),
        actor,
        audit: createAuditWriter(database.db, { actorId: actor.userId, actorLogin: actor.login, ip: null, requestId: "cli" }),
      };
      const progress = (job: { processedRows: number; validRows: number; lastRowNumber: number }) =>
        print(`  ${job.processedRows}/${job.validRows} rows written (through file row ${job.lastRowNumber})`);
      let jobId: string;
      let kind: string;
      if (kindOrResume === "resume") {
        const started = await startImport(ctx, target, "resume");
        jobId = started.id;
        kind = started.kind;
        print(`resuming import ${jobId} after file row ${started.lastRowNumber}`);
      } else {
        const spec = specs.get(kindOrResume);
        if (!spec) {
          print(`import: unknown kind ${kindOrResume} (kinds: ${[...specs.keys()].join(", ")})`);
          return 2;
        }
        const job = await createImportJob(ctx, spec, { name: path.basename(target), bytes: readFileSync(target) });
        print(`import ${job.id}: ${job.totalRows} rows read as ${job.encoding}; ${job.validRows} valid, ${job.errorRows} with errors`);
        for (const error of job.errors) {
          print(`  row ${error.row}${error.field ? ` [${error.field}]` : ""}: ${error.code} ${error.message}`);
        }
        if (!values.commit) {
          print(job.status === "validated" ? "nothing written; add --commit to write" : "the file cannot be imported");
          return job.errorRows > 0 || job.status === "failed" ? 1 : 0;
        }
        const started = await startImport(ctx, job.id, values["valid-only"] ? "valid_only" : "all");
        jobId = started.id;
        kind = started.kind;
      }
      const spec = specs.get(kind);
      if (!spec) {
        return 2;
      }
      const done = await runImport(ctx, spec, jobId, progress);
      await sealAll(database.db);
      print(
        `import ${done.id} completed: ${done.inserted} inserted, ${done.updated} updated, ${done.unchanged} unchanged, ${done.errorRows} rows with errors`,
      );
      return 0;
    });
  },
};
