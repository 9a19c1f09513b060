import type { Page } from "@sanshe/contracts";
import type { ActorCtx } from "../ctx.js";
import type { Column, ColumnOption, ExportSpec } from "../module.js";

/** The headers of a registry's spreadsheet columns by key: [Chinese header, English header]. */
export type ColumnHeaders = Record<string, readonly [header: string, headerEn: string]>;

/** What an export cell holds. */
export type CellValue = string | number | null | undefined;

function column(headers: ColumnHeaders, key: string): Column {
  const [header, headerEn] = headers[key] ?? [key, key];
  return { key, header, header_en: headerEn };
}

/**
 * The import template's columns, in the order of `examples` (one example cell per column), with
 * their headers from the registry's `headers`.
 */
export function templateColumns<H extends ColumnHeaders>(headers: H, examples: Partial<Record<keyof H & string, string>>): Column[] {
  return Object.entries(examples).map(([key, example]) => ({ ...column(headers, key), example: example as string }));
}

/**
 * An export's columns, in the order of `values` (how each cell is read from a list item), with their
 * headers from the registry's `headers`.
 */
export function exportColumns<Item, H extends ColumnHeaders>(
  headers: H,
  values: Partial<Record<keyof H & string, (item: Item) => CellValue>>,
): ExportSpec<unknown, Item>["columns"] {
  return Object.entries(values).map(([key, value]) => ({ ...column(headers, key), value: value as (item: Item) => CellValue }));
}

/** An export's `page`: the registry's scoped, keyset-paginated list with the export's filter. */
export function exportPages<Filter, Item>(
  list: (ctx: ActorCtx, query: Filter & { cursor: string | undefined; limit: number }) => Promise<Page<Item>>,
): ExportSpec<Filter, Item>["page"] {
  return (ctx, filter, cursor, limit) => list(ctx, { ...filter, cursor, limit });
}

/** What an import column may add to its headers: allowed values, area names, masking, a format hint. */
export type ColumnDetails = Partial<Omit<Column, "key" | "header" | "header_en" | "example">>;

/** The allowed values of a coded column from its label table (code → Chinese label), in the table's order. */
export function optionsOf(labels: Readonly<Record<string, string>>): ColumnOption[] {
  return Object.entries(labels).map(([code, label]) => ({ code, label }));
}

/** Import template columns with their details (drop-down values, area names, personal data) by key. */
export function withColumnDetails(columns: Column[], details: Partial<Record<string, ColumnDetails>>): Column[] {
  return columns.map((column) => ({ ...column, ...details[column.key] }));
}
