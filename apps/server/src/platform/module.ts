import type { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Page, Permission } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "./ctx.js";

export type SeedOptions = { demoPassword: string; minFreeBytes: number; dataDir?: string | undefined; log: (line: string) => void };

/** One column of an import template or an export: the Chinese header people see, and the English one. */
export type Column = { key: string; header: string; header_en: string; example?: string };

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
  /** Permission needed to export (the list's read permission); required, so no export is open by default. */
  permission: Permission;
  /** Parses the export request's query string into the list filter. */
  filterSchema: z.ZodType<Filter>;
  columns: Array<Column & { value(item: Item): string | number | null | undefined }>;
  page(ctx: ActorCtx, filter: Filter, cursor: string | undefined, limit: number): Promise<Page<Item>>;
};

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
  /** Spreadsheet import of the module's registry, if it has one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each registry has its own row type
  imports?: Array<ImportSpec<any>>;
  /** Spreadsheet export of the module's lists, if it has any. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each list has its own filter and item types
  exports?: Array<ExportSpec<any, any>>;
};
