import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { ImportJob } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { xlsxBomb } from "../../platform/files/test/zip-bomb.js";

/**
 * Issue 14.7: a 427 KB XLSX unpacking to 95 MB took the server to 677 MB (six at once: 2.68 GB) and
 * health checks answered 503. Now the central directory is checked first, parts are inflated as a
 * stream under a byte cap, and one file is parsed at a time. Bound stated here: the process's RSS
 * grows by less than 150 MB over the baseline, whatever is uploaded.
 */
const rssBoundBytes = 150 * 1024 * 1024;
/** A row of 20 cells holding the same text, `repeat` times "重复的居民地址内容". */
const rowXml = (repeat: number) =>
  `<row r="{r}">${"ABCDEFGHIJKLMNOPQRST"
    .split("")
    .map((column) => `<c r="${column}{r}" t="inlineStr"><is><t>${"重复的居民地址内容".repeat(repeat)}</t></is></c>`)
    .join("")}</row>`;

let t: TestApp;
let staff: ReturnType<typeof as>;
let honest: { bytes: Buffer; unpacked: number };
let forged: { bytes: Buffer; unpacked: number };

beforeAll(async () => {
  t = await createTestApp();
  staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }])).login));
  honest = await xlsxBomb({ rowXml: rowXml(40), rows: 4_200 });
  forged = await xlsxBomb({ rowXml: rowXml(40), rows: 4_200, forgeSizes: true });
}, 60_000);

afterAll(async () => {
  await t.close();
});

function upload(body: Buffer, fileName = "bomb.xlsx") {
  return staff.post(`/api/v1/imports?kind=residents&file_name=${fileName}`, body, {
    headers: { "content-type": "application/octet-stream" },
  });
}

/** Runs `work` while sampling RSS every 10 ms; returns its result and the peak growth over the start. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; growth: number; ms: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = Date.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - before, ms: Date.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

describe("XLSX uploads with bounded memory (issue 14.7)", () => {
  it("builds bombs like the issue's: small on the wire, about 95 MB unpacked", () => {
    expect(honest.bytes.length).toBeLessThan(1024 * 1024);
    expect(honest.unpacked).toBeGreaterThan(90 * 1024 * 1024);
    expect(forged.bytes.length).toBeLessThan(1024 * 1024);
  });

  it("warms up with a normal XLSX import, which still works", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    sheet.addRow(["姓名", "身份证号", "社区代码"]);
    sheet.addRow(["正常居民", "41010319770322431X", "410105007002"]);
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), "ok.xlsx");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ImportJob>()).toMatchObject({ encoding: "xlsx", total_rows: 1 });
  });

  it("refuses a bomb whose central directory declares its size at once, before inflating (413)", async () => {
    const { result, growth, ms } = await measured(() => upload(honest.bytes));
    expect(result.statusCode).toBe(413);
    expect(result.json()).toMatchObject({ code: "IMPORT_FILE_TOO_LARGE_UNPACKED" });
    expect(result.json().detail).toContain("40 MB");
    expect(ms).toBeLessThan(2_000);
    expect(growth).toBeLessThan(rssBoundBytes);
  });

  it("refuses a bomb that lies about its sizes while inflating it, with memory bounded", async () => {
    const { result, growth } = await measured(() => upload(forged.bytes));
    expect(result.statusCode, result.body).toBe(413);
    expect(result.json()).toMatchObject({ code: "IMPORT_FILE_TOO_LARGE_UNPACKED" });
    expect(growth).toBeLessThan(rssBoundBytes);
  }, 60_000);

  it("reads a file just under the cap in full (24,000 rows × 20 cells, 36 MB unpacked) with memory still bounded", async () => {
    // Many small cells: the costliest shape for memory that the caps still let through.
    const large = await xlsxBomb({ rowXml: rowXml(1), rows: 24_000 });
    expect(large.unpacked).toBeLessThan(40 * 1024 * 1024);
    const { result, growth } = await measured(() => upload(large.bytes, "large.xlsx"));
    expect(result.statusCode, result.body).toBe(201);
    expect(result.json<ImportJob>()).toMatchObject({ encoding: "xlsx", total_rows: 24_000, valid_rows: 0 });
    expect(growth).toBeLessThan(rssBoundBytes);
  }, 120_000);

  it("six bombs at once: one parse at a time, the rest wait or get 503 IMPORT_BUSY, health stays up, memory bounded", async () => {
    const { result, growth } = await measured(async () => {
      const uploads = Array.from({ length: 6 }, (_, index) => upload(index % 2 === 0 ? forged.bytes : honest.bytes));
      const health = await t.app.inject({ method: "GET", url: "/api/v1/health" });
      return { answers: await Promise.all(uploads), health };
    });
    expect(result.health.statusCode).toBe(200);
    for (const answer of result.answers) {
      expect([413, 503]).toContain(answer.statusCode);
      if (answer.statusCode === 503) {
        expect(answer.json().code).toBe("IMPORT_BUSY");
        expect(answer.headers["retry-after"]).toBeDefined();
      } else {
        expect(answer.json().code).toBe("IMPORT_FILE_TOO_LARGE_UNPACKED");
      }
    }
    // Which of them wait or are turned away depends on timing; the queue itself is tested in spreadsheet.test.ts.
    expect(result.answers.filter((answer) => answer.statusCode === 413).length).toBeGreaterThanOrEqual(1);
    expect(growth).toBeLessThan(rssBoundBytes);
  }, 120_000);

  it("takes its cap from SANSHE_IMPORT_MAX_UNPACKED_MB", async () => {
    const small = await createTestApp({ SANSHE_IMPORT_MAX_UNPACKED_MB: "1" });
    try {
      expect(small.config.importMaxUnpackedBytes).toBe(1024 * 1024);
      const client = as(
        small.app,
        await signIn(small.app, (await buildUser(small.ctx, [{ role: "community_staff", area_code: "410105007002" }])).login),
      );
      const file = await xlsxBomb({ rowXml: rowXml(1), rows: 1_000 });
      expect(file.unpacked).toBeGreaterThan(1024 * 1024);
      const response = await client.post("/api/v1/imports?kind=residents&file_name=a.xlsx", file.bytes, {
        headers: { "content-type": "application/octet-stream", "accept-language": "en" },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: "IMPORT_FILE_TOO_LARGE_UNPACKED" });
      expect(response.json().detail).toContain("more than 1 MB");
    } finally {
      await small.close();
    }
  }, 60_000);
});
