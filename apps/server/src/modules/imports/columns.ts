import { type z } from "zod";
import type { Locale } from "@sanshe/contracts";
import type { Column, ImportSpec } from "../../platform/module.js";
import { maskIdNumber, maskName, maskPhone } from "../../platform/pii/index.js";

/** A column's header in the reader's language. */
export function columnHeader(column: Column, locale: Locale): string {
  return locale === "en" ? column.header_en : column.header;
}

/** The object schema under a row schema (through pipes, transforms and effects), if there is one. */
function objectShape(schema: unknown): Record<string, z.ZodType> | null {
  let current = schema as { shape?: Record<string, z.ZodType>; def?: { in?: unknown; innerType?: unknown } } | undefined;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (current.shape) {
      return current.shape;
    }
    current = (current.def?.in ?? current.def?.innerType) as typeof current;
  }
  return null;
}

/** Whether a column must hold a value: its field in the row schema refuses an empty cell. */
export function isRequiredColumn(spec: ImportSpec, key: string): boolean {
  const field = objectShape(spec.rowSchema)?.[key];
  return field ? !field.safeParse(undefined).success : false;
}

/**
 * Maps a coded cell to its code: each option's label or code (for a `multiple` column, every part of
 * the cell) becomes the code; text that is neither is left for the row schema to refuse.
 */
export function normalizeCodedCell(column: Column, cell: string): string {
  if (!column.options?.length) {
    return cell;
  }
  const byText = new Map<string, string>();
  for (const option of column.options) {
    byText.set(option.label, option.code);
    byText.set(option.code, option.code);
  }
  if (column.multiple) {
    return cell
      .split(/[,，、;；\s]+/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => byText.get(part) ?? part)
      .join(",");
  }
  return byText.get(cell.trim()) ?? cell;
}

/** The allowed values of a coded column as people type them (the labels). */
export function allowedValues(column: Column | undefined): string[] | undefined {
  return column?.options?.length ? column.options.map((option) => option.label) : undefined;
}

/** The bad value as an error report may show it: personal data masked, long text shortened. */
export function reportedValue(column: Column | undefined, value: string | undefined): string | null {
  if (value === undefined || value === "") {
    return null;
  }
  if (column?.sensitive) {
    if (/^\d{12,}[\dXx]?$/.test(value)) {
      return maskIdNumber(value);
    }
    if (/^[\d+-]{5,14}$/.test(value)) {
      return maskPhone(value);
    }
    return maskName(value.slice(0, 40));
  }
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
