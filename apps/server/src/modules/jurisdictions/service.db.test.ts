import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { areas } from "./schema.js";
import { AreaImportError } from "./errors.js";
import { importAreas, readAreaFiles, referenceDir } from "./service.js";

let t: TestApp;
const dir = mkdtempSync(path.join(os.tmpdir(), "sanshe-areas-"));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const streetsHeader = "code,name,areaCode,provinceCode,cityCode";
const villagesHeader = "code,name,streetCode,provinceCode,cityCode,areaCode";

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe(importAreas.name, () => {
  it("re-importing the bundled Zhengzhou files changes nothing and duplicates nothing", async () => {
    const rows = readAreaFiles({
      streets: path.join(referenceDir, "zhengzhou-4101-streets.csv"),
      villages: path.join(referenceDir, "zhengzhou-4101-villages.csv"),
    });
    expect(rows).toHaveLength(3531);
    const result = await importAreas(t.ctx, rows, { minFreeBytes: 0 });
    expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 3531, total: 3531 });
    const [count] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(areas);
    expect(count?.n).toBe(3531);
  });

  it("imports another city's files, takes upper levels from the national lists and updates renamed units", async () => {
    // 开封市 (4102) 鼓楼区 (410204): a city Sanshe has never seen, in the same CSV shape, saved by Excel (GB18030, BOM-less, CRLF).
    const streets = write(
      "kaifeng-streets.csv",
      Buffer.from(new TextEncoder().encode(`${streetsHeader}\r\n410204001,"测试街道",410204,41,4102\r\n`)),
    );
    const villages = write(
      "kaifeng-villages.csv",
      `\uFEFF${villagesHeader}\n410204001001,"测试社区居民委员会",410204001,41,4102,410204\n410204001201,"测试村村民委员会",410204001,41,4102,410204\n`,
    );
    const first = await importAreas(t.ctx, readAreaFiles({ streets, villages }), { minFreeBytes: 0 });
    expect(first).toMatchObject({ inserted: 5, unchanged: 1 }); // city, county, street, two communities; province 41 exists
    const [county] = await t.database.db.select().from(areas).where(eq(areas.code, "410204"));
    expect(county).toMatchObject({ name: "鼓楼区", level: "district", parentCode: "4102", childCount: 1 });
    const [village] = await t.database.db.select().from(areas).where(eq(areas.code, "410204001201"));
    expect(village?.kind).toBe("village");

    const renamed = write(
      "kaifeng-villages-2.csv",
      `${villagesHeader}\n410204001001,"测试社区居委会",410204001,41,4102,410204\n410204001201,"测试村村民委员会",410204001,41,4102,410204\n`,
    );
    const second = await importAreas(t.ctx, readAreaFiles({ streets, villages: renamed }), { minFreeBytes: 0 });
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "areas.import"));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it("decodes GB18030 files saved by Excel", async () => {
    const gbk = Buffer.from([
      ...Buffer.from(`${streetsHeader}\r\n410204002,"`),
      // "鼓楼" in GB18030
      0xb9,
      0xc4,
      0xc2,
      0xa5,
      ...Buffer.from(`",410204,41,4102\r\n`),
    ]);
    const streets = write("gbk-streets.csv", gbk);
    const villages = write("gbk-villages.csv", `${villagesHeader}\n`);
    const rows = readAreaFiles({ streets, villages });
    expect(rows.find((row) => row.code === "410204002")?.name).toBe("鼓楼");
  });

  it("names the file and line of a bad row and writes nothing", async () => {
    const streets = write("bad-streets.csv", `${streetsHeader}\n410204003,"好街道",410204,41,4102\n41020400X,"坏街道",410204,41,4102\n`);
    const villages = write("bad-villages.csv", `${villagesHeader}\n`);
    expect(() => readAreaFiles({ streets, villages })).toThrow(AreaImportError);
    try {
      readAreaFiles({ streets, villages });
    } catch (error) {
      expect((error as AreaImportError).line).toBe(3);
    }
    const orphan = write("orphan-villages.csv", `${villagesHeader}\n410204009001,"孤儿社区",410204009,41,4102,410204\n`);
    expect(() => readAreaFiles({ streets: write("ok-streets.csv", `${streetsHeader}\n`), villages: orphan })).toThrow(/not in/);
    const misplaced = write("misplaced.csv", `${streetsHeader}\n410205001,"错位街道",410204,41,4102\n`);
    expect(() => readAreaFiles({ streets: misplaced, villages })).toThrow(/does not lie under/);
  });

  it("refuses to start a bulk write when the disk is short of space", async () => {
    await expect(importAreas(t.ctx, [], { dataDir: dir, minFreeBytes: Number.MAX_SAFE_INTEGER })).rejects.toMatchObject({
      code: "DISK_FULL",
    });
  });
});
