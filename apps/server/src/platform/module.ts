import type { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Page, Permission } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "./ctx.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { Mailer } from "./mail/index.js";
import type { CalendarEvent } from "./ical/index.js";
import { registerErrors, type ErrorEntry } from "./errors/catalog.js";
import { registerPermissions, type PermissionGrants } from "./auth/permissions.js";

export type SeedOptions = { demoPassword: string; minFreeBytes: number; dataDir?: string | undefined; log: (line: string) => void };

/** One allowed value of a coded import column: the code and the label people type (the template's drop-down shows labels). */
export type ColumnOption = { code: string; label: string };

/** One column of an import template or an export: the Chinese header people see, and the English one. */
export type Column = {
  key: string;
  header: string;
  header_en: string;
  example?: string;
  /** Coded column: the allowed values (a cell may hold the label or the code); the template gets a drop-down list. */
  options?: readonly ColumnOption[];
  /** Several options in one cell, separated by 、 or commas (no drop-down, the instructions list them). */
  multiple?: boolean;
  /** Personal data (name, ID number, phone): an error report shows the bad value masked. */
  sensitive?: boolean;
  /** An area code column that also takes a community name or a 街道/社区 path, resolved within the importer's scope. */
  area?: "community" | "any";
  /** Format hint for the instructions sheet, zh-CN and en. */
  format?: readonly [zh: string, en: string];
};

/**
 * How a registry takes rows from a spreadsheet (XLSX or CSV). The import engine (platform/imports)
 * reads the file, maps headers to `columns`, validates each row with `rowSchema`, reports every bad
 * row, and calls `upsert` per valid row in batches, each batch in one transaction.
 */
export type ImportSpec<Row = unknown> = {
  /** Used in URLs and the CLI: `npx sanshe import <kind> <file>`. */
  kind: string;
  /** Permission the importing user needs besides imports.run (e.g. residents.write). */
  permission?: Permission;
  columns: Column[];
  /** Validates one row whose values are the cell texts keyed by column `key` (empty cells absent). */
  rowSchema: z.ZodType<Row>;
  /** The natural key (ID number, 统一社会信用代码, certificate number) that makes re-imports update. */
  naturalKey(row: Row): string;
  /** Inserts or updates one row inside the caller's transaction; throws AppError for a refused row. */
  upsert(ctx: ActorCtx, row: Row): Promise<"inserted" | "updated" | "unchanged">;
};

/**
 * How a registry's filtered list is exported: the list query (scoped, keyset-paginated, already
 * masked by the presenter) and the columns. The export engine streams pages to XLSX or CSV,
 * neutralizes formula cells and audits the export.
 */
export type ExportSpec<Filter = unknown, Item = unknown> = {
  kind: string;
  /**
   * Permission needed to export (the list's read permission; a list read under any of several holds
   * them all, any one suffices); required, so no export is open by default.
   */
  permission: Permission | readonly [Permission, ...Permission[]];
  /** Parses the export request's query string into the list filter. */
  filterSchema: z.ZodType<Filter>;
  columns: Array<Column & { value(item: Item): string | number | null | undefined }>;
  page(ctx: ActorCtx, filter: Filter, cursor: string | undefined, limit: number): Promise<Page<Item>>;
};

/** What a job or a command may use besides the database. */
export type JobEnv = { config: Config; mailer: Mailer };

/**
 * Work a module needs done periodically. The server runs every job in the sweep (every
 * SANSHE_ESCALATION_INTERVAL_MS), phase by phase (escalations create notifications that the
 * deliveries then send; clean-ups last); each job is also the CLI command `sanshe <name>`.
 */
export type Job = {
  /** Two words, the CLI command: "needs escalate". */
  name: string;
  description: string;
  phase: "escalate" | "deliver" | "clean";
  /** Does the work once. `summary` is printed by the CLI and logged by the sweep when `changed`. */
  run: (ctx: Ctx, env: JobEnv) => Promise<{ summary: string; changed: boolean; failed?: boolean }>;
};

/** What a CLI command gets: configuration, output, and a migrated database opened for it. */
export type CliEnv = {
  config: Config;
  print: (line: string) => void;
  withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>;
};

/** A command of the `sanshe` CLI that a module brings (e.g. `users create`, `import areas`). */
export type CliCommand = {
  /** The words that select it; the longest name matching the arguments wins ("import areas" before "import"). */
  name: string;
  /** Usage lines for `sanshe help`: arguments, then what it does. */
  usage: string;
  /** Runs with the arguments after the name; resolves to the exit code. */
  run: (args: string[], env: CliEnv) => Promise<number>;
};

/** Public feed events of an area (no personal data). */
export type AreaEventSource = (ctx: Ctx, areaCode: string) => Promise<CalendarEvent[]>;
/** Private feed events of one user. */
export type UserEventSource = (ctx: ActorCtx) => Promise<CalendarEvent[]>;

/**
 * What a domain module offers the platform (CONVENTIONS §2): the only wiring point of a module.
 * registry.ts lists the manifests in order; the app mounts each module's routes under /api/v1, runs
 * demo seeds in that order, runs the jobs, and the CLI, error catalog, permission table and calendar
 * feeds are assembled from them (assembleModules).
 */
export type ModuleManifest = {
  name: string;
  /** Routes, with paths relative to /api/v1 (e.g. "/areas"). */
  routes: FastifyPluginAsyncZod;
  /** The module's error codes with their zh-CN/en texts (its errors.ts). */
  errors?: Record<string, ErrorEntry>;
  /** Which roles hold the module's permissions (its permissions.ts). */
  permissions?: PermissionGrants;
  /** Loads the module's part of the demo world (idempotent). */
  seedDemo?: (ctx: Ctx, options: SeedOptions) => Promise<void>;
  /** Spreadsheet import of the module's registry, if it has one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each registry has its own row type
  imports?: Array<ImportSpec<any>>;
  /** Spreadsheet export of the module's lists, if it has any. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each list has its own filter and item types
  exports?: Array<ExportSpec<any, any>>;
  /** Periodic work, each also a CLI command. */
  jobs?: Job[];
  /** Other CLI commands. */
  commands?: CliCommand[];
  /** Events the module adds to the calendar feeds. */
  calendar?: { area?: AreaEventSource[]; user?: UserEventSource[] };
};

/** The platform's view of all modules, assembled once from the registry. */
export type Assembly = {
  modules: readonly ModuleManifest[];
  jobs: Job[];
  commands: CliCommand[];
  importSpecs: Map<string, ImportSpec>;
  exportSpecs: Map<string, ExportSpec>;
  areaEventSources: AreaEventSource[];
  userEventSources: UserEventSource[];
};

const phases: Array<Job["phase"]> = ["escalate", "deliver", "clean"];

let current: Assembly | null = null;

/** The assembly of the modules (registry.ts makes it on import); for platform code that serves every module. */
export function assembled(): Assembly {
  if (!current) {
    throw new Error("The modules are not assembled yet: import modules/registry.js first");
  }
  return current;
}

/** Registers every module's error codes and permissions and collects the rest; throws on a duplicate. */
export function assembleModules(modules: readonly ModuleManifest[]): Assembly {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) {
      throw new Error(`Module ${module.name} is listed twice`);
    }
    names.add(module.name);
    registerErrors(module.name, module.errors ?? {});
    registerPermissions(module.name, module.permissions ?? {});
  }
  const unique = <T extends { name?: string; kind?: string }>(items: T[], what: string): T[] => {
    const seen = new Set<string>();
    for (const item of items) {
      const key = item.name ?? item.kind ?? "";
      if (seen.has(key)) {
        throw new Error(`Two modules declare the ${what} ${key}`);
      }
      seen.add(key);
    }
    return items;
  };
  const jobs = unique(
    modules.flatMap((module) => module.jobs ?? []),
    "job",
  ).sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase));
  current = {
    modules,
    jobs,
    commands: unique(
      modules.flatMap((module) => module.commands ?? []),
      "command",
    ),
    importSpecs: new Map(
      unique(
        modules.flatMap((module) => module.imports ?? []),
        "import",
      ).map((spec) => [spec.kind, spec]),
    ),
    exportSpecs: new Map(
      unique(
        modules.flatMap((module) => module.exports ?? []),
        "export",
      ).map((spec) => [spec.kind, spec]),
    ),
    areaEventSources: modules.flatMap((module) => module.calendar?.area ?? []),
    userEventSources: modules.flatMap((module) => module.calendar?.user ?? []),
  };
  return current;
}
