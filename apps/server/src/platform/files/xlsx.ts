import { createInflateRaw } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * A streaming reader for the first worksheet of an XLSX file, with memory bounded whatever is
 * uploaded (issue 14.7: a 427 KB file unpacking to 95 MB took the server to 677 MB with ExcelJS's
 * in-memory loader).
 *
 * - The ZIP's central directory is read first: too many entries, or declared uncompressed sizes
 *   above the cap, are refused before anything is inflated.
 * - Only the parts needed are inflated (relationships, workbook, shared strings, styles, the first
 *   sheet), as a stream, and each is cut off as soon as it inflates past its declared size or the
 *   remaining budget: a forged central directory does not help a zip bomb.
 * - The XML is parsed with a SAX parser as it inflates; rows beyond the row cap and cells beyond
 *   the column cap stop the parse or are dropped, so what is kept is bounded too.
 */

export type XlsxLimits = {
  /** Bytes all parts of the ZIP may unpack to (declared and actually inflated). */
  unpackedBytes: number;
  /** Entries the ZIP may hold (an Excel workbook has about 10–20). */
  entries: number;
  /** Data rows (below the header row). */
  rows: number;
  /** Columns kept per row; cells further right are ignored. */
  columns: number;
  /** Non-empty cells kept in all (what the rows cost in memory). */
  cells: number;
};

export type XlsxErrorCode = "FILE_UNREADABLE" | "FILE_EMPTY" | "TOO_MANY_ROWS" | "TOO_MANY_CELLS" | "UNPACKED_TOO_LARGE";

export class XlsxError extends Error {
  constructor(readonly code: XlsxErrorCode) {
    super(code);
  }
}

type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number };

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

/** Reads the central directory, refusing encrypted, ZIP64 and oversized archives before any inflating. */
export function readCentralDirectory(bytes: Uint8Array, limits: Pick<XlsxLimits, "unpackedBytes" | "entries">): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === eocdSignature) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) {
    throw new XlsxError("FILE_UNREADABLE");
  }
  const count = view.getUint16(eocd + 10, true);
  let cursor = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cursor === 0xffffffff) {
    throw new XlsxError("FILE_UNREADABLE"); // ZIP64: never needed below the upload limit
  }
  if (count > limits.entries) {
    throw new XlsxError("UNPACKED_TOO_LARGE");
  }
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let index = 0; index < count; index += 1) {
    if (cursor + 46 > bytes.length || view.getUint32(cursor, true) !== centralSignature) {
      throw new XlsxError("FILE_UNREADABLE");
    }
    const nameLength = view.getUint16(cursor + 28, true);
    const entry: ZipEntry = {
      flags: view.getUint16(cursor + 8, true),
      method: view.getUint16(cursor + 10, true),
      compressedSize: view.getUint32(cursor + 20, true),
      size: view.getUint32(cursor + 24, true),
      localOffset: view.getUint32(cursor + 42, true),
      name: decoder.decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength)),
    };
    declared += entry.size;
    if (declared > limits.unpackedBytes) {
      throw new XlsxError("UNPACKED_TOO_LARGE");
    }
    entries.push(entry);
    cursor += 46 + nameLength + view.getUint16(cursor + 30, true) + view.getUint16(cursor + 32, true);
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localSignature) {
    throw new XlsxError("FILE_UNREADABLE");
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw new XlsxError("FILE_UNREADABLE");
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

type Budget = { remaining: number };

/**
 * Inflates one entry as a stream and hands its text to `onText` chunk by chunk. Stops with
 * UNPACKED_TOO_LARGE as soon as the output passes the entry's declared size or the budget.
 */
async function streamEntry(bytes: Uint8Array, entry: ZipEntry, budget: Budget, onText: (text: string) => void): Promise<void> {
  if (entry.flags & 0x1) {
    throw new XlsxError("FILE_UNREADABLE"); // encrypted
  }
  const data = entryData(bytes, entry);
  const limit = Math.min(entry.size, budget.remaining);
  const decoder = new TextDecoder("utf-8");
  if (entry.method === 0) {
    if (data.length > limit) {
      throw new XlsxError("UNPACKED_TOO_LARGE");
    }
    budget.remaining -= data.length;
    for (let offset = 0; offset < data.length; offset += 65_536) {
      onText(decoder.decode(data.subarray(offset, offset + 65_536), { stream: true }));
    }
    onText(decoder.decode());
    return;
  }
  if (entry.method !== 8) {
    throw new XlsxError("FILE_UNREADABLE");
  }
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true;
        inflater.destroy();
        reject(error instanceof XlsxError ? error : new XlsxError("FILE_UNREADABLE"));
      }
    };
    inflater.on("data", (chunk: Buffer) => {
      if (settled) {
        return;
      }
      produced += chunk.length;
      if (produced > limit) {
        fail(new XlsxError("UNPACKED_TOO_LARGE"));
        return;
      }
      try {
        onText(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(error);
      }
    });
    inflater.on("error", fail);
    inflater.on("end", () => {
      if (settled) {
        return;
      }
      try {
        onText(decoder.decode());
      } catch (error) {
        fail(error);
        return;
      }
      settled = true;
      budget.remaining -= produced;
      resolve();
    });
    inflater.end(data);
  });
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Parses an entry's XML as it inflates; the handlers see tags with prefix-free names. */
async function parseEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: Budget,
  handlers: { open?: (name: string, tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): Promise<void> {
  const parser = new SaxesParser({ position: false, xmlns: false });
  parser.on("error", (error) => {
    throw error instanceof XlsxError ? error : new XlsxError("FILE_UNREADABLE");
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      throw error instanceof XlsxError ? error : new XlsxError("FILE_UNREADABLE");
    }
  };
  await streamEntry(bytes, entry, budget, write);
  try {
    parser.close();
  } catch (error) {
    throw error instanceof XlsxError ? error : new XlsxError("FILE_UNREADABLE");
  }
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) {
    return target.slice(1);
  }
  const parts = base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") {
      parts.pop();
    } else if (segment !== "." && segment !== "") {
      parts.push(segment);
    }
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30 and the CJK date formats). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom number format shows a date when it has date/time letters outside quotes and brackets (as ExcelJS decides). */
function isDateFormatCode(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Column number (1-based) of a cell reference such as "AB12"; 0 when absent or malformed. */
function columnOf(reference: string | undefined): number {
  if (!reference) {
    return 0;
  }
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) {
      column = column * 26 + (code - 64);
    } else if (code >= 97 && code <= 122) {
      column = column * 26 + (code - 96);
    } else {
      break;
    }
    if (column > 20_000) {
      return 0;
    }
  }
  return column;
}

function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

export type XlsxRow = { rowNumber: number; cells: string[] };

/**
 * Reads the first worksheet's rows (the header is row 1) with cells as text: shared and inline
 * strings, numbers as JavaScript prints them, dates (by the cell's number format) as YYYY-MM-DD,
 * booleans as true/false, errors as empty. Empty rows are left out.
 *
 * @throws XlsxError UNPACKED_TOO_LARGE (declared or real), TOO_MANY_ROWS, TOO_MANY_CELLS, FILE_UNREADABLE, FILE_EMPTY.
 */
export async function readXlsxRows(bytes: Uint8Array, limits: XlsxLimits): Promise<XlsxRow[]> {
  const entries = readCentralDirectory(bytes, limits);
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\/+/, "").toLowerCase(), entry]));
  const find = (name: string) => byName.get(name.toLowerCase());
  const budget: Budget = { remaining: limits.unpackedBytes };

  const relationships = async (part: string) => {
    const rels = new Map<string, { type: string; target: string }>();
    const entry = find(relsPath(part));
    if (entry) {
      await parseEntry(bytes, entry, budget, {
        open(name, tag) {
          if (name === "Relationship" && tag.attributes.Id && tag.attributes.Target) {
            rels.set(tag.attributes.Id, {
              type: tag.attributes.Type ?? "",
              target: tag.attributes.TargetMode === "External" ? "" : resolvePart(part, tag.attributes.Target),
            });
          }
        },
      });
    }
    return rels;
  };

  const rootRels = await relationships("");
  const workbookPath = [...rootRels.values()].find((rel) => rel.type.endsWith("/officeDocument"))?.target || "xl/workbook.xml";
  const workbookEntry = find(workbookPath);
  if (!workbookEntry) {
    throw new XlsxError("FILE_UNREADABLE");
  }
  let date1904 = false;
  let firstSheetRel: string | undefined;
  await parseEntry(bytes, workbookEntry, budget, {
    open(name, tag) {
      if (name === "workbookPr") {
        date1904 = tag.attributes.date1904 === "1" || tag.attributes.date1904 === "true";
      } else if (name === "sheet" && firstSheetRel === undefined) {
        firstSheetRel = Object.entries(tag.attributes).find(([key]) => localName(key) === "id" && key.includes(":"))?.[1];
      }
    },
  });
  const workbookRels = await relationships(workbookPath);
  const sheetPath = firstSheetRel ? workbookRels.get(firstSheetRel)?.target : undefined;
  const sheetEntry = sheetPath ? find(sheetPath) : undefined;
  if (!sheetEntry) {
    throw new XlsxError("FILE_EMPTY");
  }

  const sharedStrings: string[] = [];
  const sharedPath = [...workbookRels.values()].find((rel) => rel.type.endsWith("/sharedStrings"))?.target;
  const sharedEntry = sharedPath ? find(sharedPath) : undefined;
  if (sharedEntry) {
    let current: string[] | null = null;
    let inText = false;
    let phonetic = 0;
    await parseEntry(bytes, sharedEntry, budget, {
      open(name) {
        if (name === "si") {
          current = [];
        } else if (name === "rPh") {
          phonetic += 1;
        } else if (name === "t") {
          inText = phonetic === 0;
        }
      },
      close(name) {
        if (name === "si" && current) {
          sharedStrings.push(current.join(""));
          current = null;
        } else if (name === "rPh") {
          phonetic -= 1;
        } else if (name === "t") {
          inText = false;
        }
      },
      text(text) {
        if (inText && current) {
          current.push(text);
        }
      },
    });
  }

  const dateStyles: boolean[] = [];
  const stylesPath = [...workbookRels.values()].find((rel) => rel.type.endsWith("/styles"))?.target;
  const stylesEntry = stylesPath ? find(stylesPath) : undefined;
  if (stylesEntry) {
    const customFormats = new Map<number, boolean>();
    let inCellXfs = false;
    await parseEntry(bytes, stylesEntry, budget, {
      open(name, tag) {
        if (name === "numFmt") {
          customFormats.set(Number(tag.attributes.numFmtId), isDateFormatCode(tag.attributes.formatCode ?? ""));
        } else if (name === "cellXfs") {
          inCellXfs = true;
        } else if (name === "xf" && inCellXfs) {
          const id = Number(tag.attributes.numFmtId ?? 0);
          dateStyles.push(customFormats.get(id) ?? isBuiltInDateFormat(id));
        }
      },
      close(name) {
        if (name === "cellXfs") {
          inCellXfs = false;
        }
      },
    });
  }

  const rows: XlsxRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let column = 0;
  let cell: { type: string; style: number; column: number } | null = null;
  let value: string[] = [];
  let collecting = false;
  let phonetic = 0;
  let keptCells = 0;
  await parseEntry(bytes, sheetEntry, budget, {
    open(name, tag) {
      if (name === "row") {
        const declared = Number(tag.attributes.r);
        rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
        if (rowNumber > limits.rows + 1) {
          throw new XlsxError("TOO_MANY_ROWS");
        }
        cells = [];
        column = 0;
      } else if (name === "c") {
        column = columnOf(tag.attributes.r) || column + 1;
        cell = { type: tag.attributes.t ?? "n", style: Number(tag.attributes.s ?? 0), column };
        value = [];
      } else if (cell && (name === "v" || (name === "t" && phonetic === 0))) {
        collecting = true;
      } else if (name === "rPh") {
        phonetic += 1;
      }
    },
    close(name) {
      if (name === "v" || name === "t") {
        collecting = false;
      } else if (name === "rPh") {
        phonetic -= 1;
      } else if (name === "c" && cell) {
        if (cell.column <= limits.columns) {
          const raw = value.join("");
          let text: string;
          switch (cell.type) {
            case "s":
              text = sharedStrings[Number(raw)] ?? "";
              break;
            case "b":
              text = raw === "1" || raw === "true" ? "true" : "false";
              break;
            case "e":
              text = "";
              break;
            case "d":
              text = raw.slice(0, 10);
              break;
            case "n": {
              const number = Number(raw);
              text = raw === "" || Number.isNaN(number) ? raw : dateStyles[cell.style] ? excelDate(number, date1904) : String(number);
              break;
            }
            default: // str (formula text), inlineStr
              text = raw;
          }
          if (text !== "") {
            keptCells += 1;
            if (keptCells > limits.cells) {
              throw new XlsxError("TOO_MANY_CELLS");
            }
          }
          while (cells.length < cell.column - 1) {
            cells.push("");
          }
          cells[cell.column - 1] = text;
        }
        cell = null;
      } else if (name === "row") {
        if (cells.some((text) => text !== "")) {
          rows.push({ rowNumber, cells });
        }
        cells = [];
      }
    },
    text(text) {
      if (collecting) {
        value.push(text);
      }
    },
  });
  return rows;
}
