import { parse } from "csv-parse/sync";

/**
 * Decodes a CSV file's bytes: UTF-8 (with or without BOM) or, failing that, GB18030 (what Excel
 * saves in a Chinese locale). CRLF and LF both work.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Parses CSV text with a header row into records keyed by column name; values are trimmed. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
}
