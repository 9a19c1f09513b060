import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

type Part = { name: string; data: Buffer; crc: number; size: number };

function stored(name: string, text: string): Part {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/**
 * A minimal XLSX (ExcelJS opens it) whose one worksheet is `rows` copies of `rowXml` ("{r}" becomes
 * the row number, from 2), deflated as a stream (never held
 * unpacked in memory): a zip bomb of the kind in issue 14.7 (427 KB → 95 MB). With `forgeSizes`,
 * the central directory and local headers declare every part as 1 KB, so only a cap applied while
 * inflating stops it.
 */
export async function xlsxBomb(options: {
  rowXml: string;
  rows: number;
  forgeSizes?: boolean;
}): Promise<{ bytes: Buffer; unpacked: number }> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const parts: Part[] = [
    stored(
      "[Content_Types].xml",
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    stored(
      "_rels/.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    stored(
      "xl/workbook.xml",
      `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="居民" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    stored(
      "xl/_rels/workbook.xml.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
  // The sheet: header row, then the repeated rows, deflated chunk by chunk.
  const deflate = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text);
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) {
      await once(deflate, "drain");
    }
  };
  await write(
    `${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>社区代码</t></is></c></row>`,
  );
  const pieces = options.rowXml.split("{r}");
  const perChunk = Math.max(1, Math.floor(1_000_000 / Buffer.byteLength(options.rowXml)));
  for (let written = 0; written < options.rows; written += perChunk) {
    const lines: string[] = [];
    for (let row = written; row < Math.min(options.rows, written + perChunk); row += 1) {
      lines.push(pieces.join(String(row + 2)));
    }
    await write(lines.join(""));
  }
  await write("</sheetData></worksheet>");
  deflate.end();
  await once(deflate, "end");
  parts.push({ name: "xl/worksheets/sheet1.xml", data: Buffer.concat(compressed), crc, size });

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const declared = options.forgeSizes ? Math.min(part.size, 1024) : part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return { bytes: Buffer.concat([...locals, directory, end]), unpacked: parts.reduce((total, part) => total + part.size, 0) };
}
