import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createGate, csvLine, declaredUnzippedSize, neutralizeCell, readSpreadsheet, SpreadsheetError } from "./spreadsheet.js";
import { readXlsxRows } from "./xlsx.js";
import { xlsxBomb } from "./test/zip-bomb.js";

const gbk = (text: string) => Buffer.from(new TextEncoder().encode(text)); // helper for UTF-8 only

describe(readSpreadsheet.name, () => {
  it("reads UTF-8, UTF-8 with BOM and GB18030 CSV and says which it found", async () => {
    const utf8 = await readSpreadsheet(gbk("姓名,身份证号\r\n张三,11010519491231002X\r\n"));
    expect(utf8).toMatchObject({
      encoding: "utf-8",
      headers: ["姓名", "身份证号"],
      rows: [{ rowNumber: 2, cells: ["张三", "11010519491231002X"] }],
    });
    const bom = await readSpreadsheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk("姓名\n李四\n")]));
    expect(bom).toMatchObject({ encoding: "utf-8-bom", headers: ["姓名"], rows: [{ cells: ["李四"] }] });
    // "姓名\r\n王五\r\n" in GB18030 as Excel saves it.
    const gb = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xcd, 0xf5, 0xce, 0xe5, 0x0d, 0x0a]);
    expect(await readSpreadsheet(gb)).toMatchObject({ encoding: "gb18030", headers: ["姓名"], rows: [{ cells: ["王五"] }] });
  });

  it("reads the first worksheet of an XLSX file, with dates and numbers as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    sheet.addRow(["姓名", "出生日期", "人数"]);
    sheet.addRow(["赵六", new Date(Date.UTC(1990, 4, 6)), 3]);
    sheet.addRow([]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSpreadsheet(bytes)).toMatchObject({
      encoding: "xlsx",
      headers: ["姓名", "出生日期", "人数"],
      rows: [{ rowNumber: 2, cells: ["赵六", "1990-05-06", "3"] }],
    });
    expect(declaredUnzippedSize(bytes)).toBeGreaterThan(bytes.length);
  });

  it("refuses a zip whose declared content is a bomb, without unpacking it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(["a"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    // Forge the first central-directory entry's uncompressed size to 4 GiB − 1.
    const view = new DataView(bytes.buffer);
    for (let offset = 0; offset < bytes.length - 4; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        view.setUint32(offset + 24, 0xffffffff, true);
        break;
      }
    }
    await expect(readSpreadsheet(bytes)).rejects.toMatchObject({ code: "UNPACKED_TOO_LARGE" });
  });

  it("reads rich text, booleans, formulas, 1904 dates, sparse cells and skips cells beyond 100 columns", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("x");
    sheet.addRow(["名称", "布尔", "公式", "日期"]);
    const row = sheet.addRow([
      { richText: [{ text: "富" }, { text: "文本" }] },
      true,
      { formula: "1+1", result: 2 },
      new Date(Date.UTC(2001, 1, 3)),
    ]);
    row.getCell(6).value = "稀疏";
    row.getCell(150).value = "太远";
    sheet.getCell("A5").value = "第五行";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readSpreadsheet(bytes);
    expect(read.rows).toEqual([
      { rowNumber: 2, cells: ["富文本", "true", "2", "2001-02-03", "", "稀疏"] },
      { rowNumber: 5, cells: ["第五行"] },
    ]);
  });

  it("stops inflating a part as soon as it passes its declared size or the cap (forged central directory)", async () => {
    const forged = await xlsxBomb({ rowXml: '<row r="{r}"><c r="A{r}"><v>1</v></c></row>', rows: 200_000, forgeSizes: true });
    await expect(
      readXlsxRows(forged.bytes, { unpackedBytes: 40 << 20, entries: 100, rows: 1_000_000, columns: 100, cells: 10_000_000 }),
    ).rejects.toMatchObject({
      code: "UNPACKED_TOO_LARGE",
    });
    // Declared honestly but above a small cap: refused from the directory alone.
    const honest = await xlsxBomb({ rowXml: '<row r="{r}"><c r="A{r}"><v>1</v></c></row>', rows: 200_000 });
    await expect(
      readXlsxRows(honest.bytes, { unpackedBytes: 1 << 20, entries: 100, rows: 1_000_000, columns: 100, cells: 10_000_000 }),
    ).rejects.toMatchObject({
      code: "UNPACKED_TOO_LARGE",
    });
    await expect(
      readXlsxRows(honest.bytes, { unpackedBytes: 40 << 20, entries: 3, rows: 1_000_000, columns: 100, cells: 10_000_000 }),
    ).rejects.toMatchObject({
      code: "UNPACKED_TOO_LARGE",
    });
    await expect(
      readXlsxRows(honest.bytes, { unpackedBytes: 40 << 20, entries: 100, rows: 50_000, columns: 100, cells: 10_000_000 }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_ROWS",
    });
  });

  it("caps kept cells in XLSX and CSV alike, and streams CSV without losing characters at chunk edges", async () => {
    const honest = await xlsxBomb({ rowXml: '<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}"><v>2</v></c></row>', rows: 2_000 });
    await expect(
      readXlsxRows(honest.bytes, { unpackedBytes: 40 << 20, entries: 100, rows: 50_000, columns: 100, cells: 3_000 }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_CELLS",
    });
    // 10 MB of two-letter cells: 3.5 million cells, refused once a million are kept.
    const line = `${Array.from({ length: 100 }, (_, index) => `a${index % 10}`).join(",")}\n`;
    const wide = Buffer.from(`姓名\n${line.repeat(Math.floor((10 * 1024 * 1024 - 100) / line.length))}`);
    await expect(readSpreadsheet(wide)).rejects.toMatchObject({ code: "TOO_MANY_CELLS" });
    const tall = Buffer.from(`姓名\n${"x\n".repeat(50_001)}`);
    await expect(readSpreadsheet(tall)).rejects.toMatchObject({ code: "TOO_MANY_ROWS" });
    // A name with a character outside the BMP (a surrogate pair in JavaScript) on a 64 KB boundary.
    const padding = "备注\n" + "x".repeat(65_535 - Buffer.byteLength("姓名\n") - 2) + "\n";
    const rare = await readSpreadsheet(Buffer.from(`姓名\n${padding.slice(3)}𠀀明\n`));
    expect(rare.rows.at(-1)?.cells).toEqual(["𠀀明"]);
    // Cells right of the 100th column are dropped.
    const columns = await readSpreadsheet(
      Buffer.from(`${Array.from({ length: 150 }, (_, index) => `h${index}`).join(",")}\n${"1,".repeat(149)}1\n`),
    );
    expect(columns.headers).toHaveLength(100);
  });

  it("refuses empty, binary and oversized files with a code", async () => {
    await expect(readSpreadsheet(gbk(""))).rejects.toBeInstanceOf(SpreadsheetError);
    await expect(readSpreadsheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
    await expect(readSpreadsheet(new Uint8Array(11 * 1024 * 1024))).rejects.toMatchObject({ code: "FILE_TOO_LARGE" });
  });
});

describe(createGate.name, () => {
  it("runs one at a time, queues a few, refuses the rest as BUSY and lets a waiter give up after its wait", async () => {
    const gate = createGate({ maxWaiting: 2, maxWaitMs: 200 });
    const order: string[] = [];
    let release: () => void = () => {};
    const first = gate.run(
      () =>
        new Promise<string>((resolve) => {
          order.push("first");
          release = () => resolve("first");
        }),
    );
    const second = gate.run(async () => {
      order.push("second");
      return "second";
    });
    const third = gate.run(async () => "third");
    await expect(gate.run(async () => "fourth")).rejects.toMatchObject({ code: "BUSY" });
    expect(gate.load).toBe(3);
    release();
    await expect(Promise.all([first, second, third])).resolves.toEqual(["first", "second", "third"]);
    expect(order).toEqual(["first", "second"]);

    const slow = gate.run(() => new Promise((resolve) => setTimeout(resolve, 400)));
    await expect(gate.run(async () => "late")).rejects.toMatchObject({ code: "BUSY" });
    await slow;
    expect(gate.load).toBe(0);
  });
});

describe(neutralizeCell.name, () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["普通文字", "普通文字"],
  ])("%s → %s", (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  it("keeps numbers as numbers and empties as empty", () => {
    expect(neutralizeCell(-3)).toBe(-3);
    expect(neutralizeCell(null)).toBe("");
  });
});

describe(csvLine.name, () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvLine(["a,b", 'say "hi"', "x\ny", 1])).toBe('"a,b","say ""hi""","x\ny",1\r\n');
  });
});
