import { parse as parseCsv } from "csv-parse";
import { readCentralDirectory, readXlsxRows, XlsxError, type XlsxRow } from "./xlsx.js";

/** How a file's text was read; shown to the user so nothing is guessed silently. */
export type SheetEncoding = "xlsx" | "utf-8" | "utf-8-bom" | "gb18030";

export type Sheet = {
  encoding: SheetEncoding;
  headers: string[];
  /** Data rows with their 1-based row number in the file (the header is row 1). */
  rows: Array<{ rowNumber: number; cells: string[] }>;
};

/**
 * Upload limits: 10 MB as uploaded, 50,000 data rows, 100 columns kept (templates have at most 14),
 * a million non-empty cells (what bounds the parsed rows' memory for CSV and XLSX alike),
 * and what an XLSX may unpack to (declared and really inflated). 40 MB unpacked holds a 50,000-row,
 * eight-column residents sheet (24 MB as ExcelJS or Excel writes it) with room to spare;
 * SANSHE_IMPORT_MAX_UNPACKED_MB changes it.
 */
export const spreadsheetLimits = {
  bytes: 10 * 1024 * 1024,
  rows: 50_000,
  columns: 100,
  /** Non-empty cells kept: 50,000 rows of 20 columns (the widest template has 14). */
  cells: 1_000_000,
  unzippedBytes: 40 * 1024 * 1024,
  zipEntries: 1_000,
};

export type SpreadsheetErrorCode =
  "FILE_TOO_LARGE" | "FILE_UNREADABLE" | "TOO_MANY_ROWS" | "TOO_MANY_CELLS" | "FILE_EMPTY" | "UNPACKED_TOO_LARGE" | "BUSY";

export class SpreadsheetError extends Error {
  constructor(readonly code: SpreadsheetErrorCode) {
    super(code);
  }
}

/**
 * Total uncompressed size declared by a ZIP's central directory, read before unpacking so that a
 * zip bomb is refused without inflating it.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number {
  try {
    return readCentralDirectory(bytes, { unpackedBytes: Number.POSITIVE_INFINITY, entries: 65_535 }).reduce(
      (total, entry) => total + entry.size,
      0,
    );
  } catch (error) {
    throw error instanceof XlsxError ? new SpreadsheetError(error.code) : error;
  }
}

/**
 * Parsing a spreadsheet is the import's memory peak, so a server parses one at a time. Another
 * upload waits its turn (a parse at the caps takes a second or two) — at most `maxWaiting` of them,
 * each for at most `maxWaitMs` — and is otherwise refused as BUSY (503 + Retry-After), so waiting
 * uploads (each holding its body of up to 10 MB) stay bounded too.
 */
export function createGate(options: { maxWaiting: number; maxWaitMs: number }) {
  let busy = false;
  const waiting: Array<{ start: () => void; timer: NodeJS.Timeout }> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    } else {
      busy = false;
    }
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (busy) {
        if (waiting.length >= options.maxWaiting) {
          throw new SpreadsheetError("BUSY");
        }
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: resolve,
            timer: setTimeout(() => {
              waiting.splice(waiting.indexOf(entry), 1);
              reject(new SpreadsheetError("BUSY"));
            }, options.maxWaitMs),
          };
          waiting.push(entry);
        });
      }
      busy = true;
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** Parses running or waiting (tests). */
    get load() {
      return (busy ? 1 : 0) + waiting.length;
    },
  };
}

const parseGate = createGate({ maxWaiting: 4, maxWaitMs: 15_000 });

function fromRows(header: string[], body: XlsxRow[], encoding: SheetEncoding): Sheet {
  if (header.every((cell) => cell.trim() === "")) {
    throw new SpreadsheetError("FILE_EMPTY");
  }
  if (body.length > spreadsheetLimits.rows) {
    throw new SpreadsheetError("TOO_MANY_ROWS");
  }
  // In place: a second copy of every row would double the parse's memory peak.
  const tidy = (cells: string[]) => {
    for (let index = 0; index < cells.length; index += 1) {
      cells[index] = (cells[index] ?? "").normalize("NFC").trim();
    }
    return cells;
  };
  const rows = body.filter((row) => tidy(row.cells).some((cell) => cell !== ""));
  return { encoding, headers: tidy(header), rows };
}

/**
 * Reads an uploaded spreadsheet: XLSX (first worksheet, streamed; see xlsx.ts) or CSV in UTF-8,
 * UTF-8 with BOM or GB18030/GBK as Excel writes it in a Chinese locale. The encoding found is
 * returned. One parse runs at a time per process (see `createGate`).
 *
 * @throws SpreadsheetError for oversized (as uploaded or unpacked), unreadable, empty files, too many
 * rows, or BUSY when other parses keep the server occupied.
 */
export async function readSpreadsheet(bytes: Uint8Array, options: { unpackedBytes?: number } = {}): Promise<Sheet> {
  if (bytes.length > spreadsheetLimits.bytes) {
    throw new SpreadsheetError("FILE_TOO_LARGE");
  }
  return parseGate.run(() => parseSpreadsheet(bytes, options.unpackedBytes ?? spreadsheetLimits.unzippedBytes));
}

async function parseSpreadsheet(bytes: Uint8Array, unpackedBytes: number): Promise<Sheet> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    let rows: XlsxRow[];
    try {
      rows = await readXlsxRows(bytes, {
        unpackedBytes,
        entries: spreadsheetLimits.zipEntries,
        rows: spreadsheetLimits.rows,
        columns: spreadsheetLimits.columns,
        cells: spreadsheetLimits.cells,
      });
    } catch (error) {
      throw error instanceof XlsxError ? new SpreadsheetError(error.code) : error;
    }
    const [first, ...body] = rows;
    if (!first || first.rowNumber !== 1) {
      throw new SpreadsheetError("FILE_EMPTY");
    }
    return fromRows(first.cells, body, "xlsx");
  }
  let encoding: SheetEncoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8-bom";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      text = new TextDecoder("gb18030").decode(bytes);
      encoding = "gb18030";
    }
  }
  if (text.includes("\u0000")) {
    throw new SpreadsheetError("FILE_UNREADABLE");
  }
  const [header = [], ...body] = await parseCsvRecords(Buffer.from(text));
  return fromRows(
    header,
    body.map((cells, index) => ({ rowNumber: index + 2, cells })),
    encoding,
  );
}

/**
 * Parses CSV as a stream, 64 KB at a time (the event loop breathes between chunks), keeping at most
 * the column cap per record and refusing past the row and cell caps as soon as they are passed.
 */
async function parseCsvRecords(utf8: Buffer): Promise<string[][]> {
  const parser = parseCsv({ relax_column_count: true, skip_empty_lines: true });
  const feed = async () => {
    for (let offset = 0; offset < utf8.length && !parser.destroyed; offset += 65_536) {
      if (!parser.write(utf8.subarray(offset, offset + 65_536))) {
        await new Promise<void>((resolve) => {
          const done = () => {
            parser.off("drain", done);
            parser.off("close", done);
            resolve();
          };
          parser.on("drain", done);
          parser.on("close", done);
        });
      }
    }
    if (!parser.destroyed) {
      parser.end();
    }
  };
  const feeding = feed().catch(() => undefined);
  const records: string[][] = [];
  let cells = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const kept = record.length > spreadsheetLimits.columns ? record.slice(0, spreadsheetLimits.columns) : record;
      for (const cell of kept) {
        if (cell !== "") {
          cells += 1;
        }
      }
      if (records.length > spreadsheetLimits.rows) {
        throw new SpreadsheetError("TOO_MANY_ROWS");
      }
      if (cells > spreadsheetLimits.cells) {
        throw new SpreadsheetError("TOO_MANY_CELLS");
      }
      records.push(kept);
    }
  } catch (error) {
    parser.destroy();
    throw error instanceof SpreadsheetError ? error : new SpreadsheetError("FILE_UNREADABLE");
  } finally {
    await feeding;
  }
  return records;
}

/**
 * Makes a cell safe for spreadsheet programs: text starting with = + - @ (or a tab / carriage return)
 * is prefixed with an apostrophe so it is shown as text, never evaluated as a formula (CSV injection).
 */
export function neutralizeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) {
    return "";
  }
  if (typeof value === "number") {
    return value;
  }
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180 quoting), CRLF-terminated. */
export function csvLine(values: Array<string | number>): string {
  return `${values.map((value) => (typeof value === "number" ? String(value) : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(",")}\r\n`;
}
