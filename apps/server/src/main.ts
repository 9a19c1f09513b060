import { DEFAULT_DEMO_PASSWORD } from "@sanshe/contracts";
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
import { assembly, modules } from "./modules/registry.js";
import { demoAccounts } from "./modules/users/index.js";
import { AppError } from "./platform/errors/app-error.js";
import { errorDetail } from "./platform/errors/catalog.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { createMailer } from "./platform/mail/index.js";
import type { CliCommand, CliEnv, Job } from "./platform/module.js";

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
  print(
    `Demo accounts (password: ${config.demoPassword === DEFAULT_DEMO_PASSWORD ? DEFAULT_DEMO_PASSWORD : "from SANSHE_DEMO_PASSWORD"}):`,
  );
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

/** A job run once from the terminal: `sanshe needs escalate`, `sanshe notifications digest`, … */
function jobCommand(job: Job): CliCommand {
  return {
    name: job.name,
    usage: `${job.name.padEnd(30)}${job.description}`,
    run: (_args, { config, print, withDatabase }) =>
      withDatabase(async (database) => {
        const mailer = createMailer(
          { smtpUrl: config.smtpUrl, from: config.mailFrom },
          { info: (object) => print(JSON.stringify(object)) },
        );
        const result = await job.run(systemCtx(database.db), { config, mailer });
        await sealAll(database.db);
        print(`${job.name}: ${result.summary}`);
        return result.failed ? 1 : 0;
      }),
  };
}

/** The platform's own commands; the modules add theirs (manifest `commands` and `jobs`). */
const platformCommands: CliCommand[] = [
  {
    name: "serve",
    usage: "serve                         start the server (migrates; loads the demo world unless NODE_ENV=production)",
    run: async (_args, { config }) => {
      await serve(config);
      return -1;
    },
  },
  {
    name: "migrate",
    usage: "migrate                       apply database migrations",
    run: async (_args, { print, withDatabase }) => {
      await withDatabase(async () => print("migrations applied"));
      return 0;
    },
  },
  {
    name: "seed",
    usage: "seed --demo                   load the demo world (Zhengzhou areas, demo organization, demo accounts)",
    run: async (args, { config, print, withDatabase }) => {
      const { values } = parseArgs({ args, options: { demo: { type: "boolean" } } });
      if (!values.demo) {
        print("seed: only --demo is available");
        return 2;
      }
      if (config.isProduction) {
        print("seed --demo refuses to run with NODE_ENV=production");
        return 2;
      }
      await withDatabase(async (database) => {
        await seedDemo(systemCtx(database.db), modules, seedOptions(config, database));
        printDemoLogins(config);
      });
      return 0;
    },
  },
  {
    name: "audit verify",
    usage: "audit verify                  seal pending audit records and verify the hash chain",
    run: (_args, { print, withDatabase }) =>
      withDatabase(async (database) => {
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
      }),
  },
  {
    name: "backup",
    usage: "backup <file>                 write a backup (PGlite tarball or pg_dump custom format)",
    run: async ([file], { config, print, withDatabase }) => {
      if (!file) {
        print("backup needs a file name");
        return 2;
      }
      await withDatabase(async (database) => {
        await sealAll(database.db);
        await backupDatabase(database, path.resolve(file), config.databaseUrl);
      });
      print(`backup written to ${path.resolve(file)}`);
      return 0;
    },
  },
  {
    name: "restore",
    usage: "restore <file>                restore a backup into the configured storage",
    run: async ([file], { config, print }) => {
      if (!file) {
        print("restore needs a file name");
        return 2;
      }
      const movedTo = await restoreDatabase(config.databaseUrl ? "postgres" : "pglite", path.resolve(file), {
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      });
      print(`restored from ${path.resolve(file)}${movedTo ? `; the previous data directory was kept at ${movedTo}` : ""}`);
      return 0;
    },
  },
  {
    name: "openapi",
    usage: "openapi <file>                write the OpenAPI document",
    run: async ([target], { config, print }) => {
      const file = target ?? "docs/api/openapi.json";
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
    },
  },
];

/** Every command: the platform's, then the modules' (their commands, then their jobs run once). */
const commands: CliCommand[] = [...platformCommands, ...assembly.commands, ...assembly.jobs.map(jobCommand)];

function usage(): string {
  return `Usage: sanshe <command>

${commands.map((command) => `  ${command.usage}`).join("\n")}

Storage: PostgreSQL when DATABASE_URL is set, else PGlite in SANSHE_DATA_DIR (default ./data/pglite).`;
}

/** The command whose words start the arguments; the longest name wins ("import areas" before "import"). */
function findCommand(argv: string[]): { command: CliCommand; args: string[] } | null {
  const matches = commands
    .map((command) => ({ command, words: command.name.split(" ") }))
    .filter(({ words }) => words.every((word, index) => argv[index] === word))
    .sort((a, b) => b.words.length - a.words.length);
  const best = matches[0];
  return best ? { command: best.command, args: argv.slice(best.words.length) } : null;
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  configurePii(config.piiKey);
  if (config.piiKeyIsDevelopment) {
    process.stderr.write("warning: SANSHE_PII_KEY is not set; personal data is encrypted with the fixed development key\n");
  }
  const found = findCommand(argv);
  if (!found) {
    print(usage());
    return argv.length > 0 ? 2 : 0;
  }
  const env: CliEnv = { config, print, withDatabase: (fn) => withDatabase(config, fn) };
  return found.command.run(found.args, env);
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) {
    process.exit(code);
  }
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    print(`sanshe: ${error.message}`);
  } else if (error instanceof AppError && error.code === "IMPORT_HAS_ERRORS") {
    print("sanshe: the file still has errors; fix them or add --valid-only to import only the valid rows");
  } else if (error instanceof AppError) {
    print(`sanshe: ${error.code}: ${errorDetail(error.code, "en", error.params)}`);
  } else {
    print(`sanshe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
}
