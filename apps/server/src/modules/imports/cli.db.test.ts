import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { idNumberCheckCharacter } from "@sanshe/contracts";
import { createCliStorage } from "../../../test/cli-harness.js";
import { queryRows } from "../../platform/db/client.js";
import { batchSizeFor } from "./service.js";

/**
 * QUALITY.md §4: the process is killed during an import; committed batches stay, no partial batch,
 * and the job resumes where it stopped. Runs the real `sanshe import` command on the demo world.
 */
let storage: Awaited<ReturnType<typeof createCliStorage>>;
const rows = 600;

beforeAll(async () => {
  storage = await createCliStorage("import-cli", { SANSHE_IMPORT_STALE_SECONDS: "1" });
  const seeded = await storage.sanshe("seed", "--demo");
  expect(seeded.code, seeded.out).toBe(0);
}, 180_000);

afterAll(async () => {
  await storage.dispose();
});

function residentsFile(): string {
  const lines = ["姓名,身份证号,社区代码"];
  for (let index = 0; index < rows; index += 1) {
    // Born in 二七区 (410103) on distinct days of 1960, so no demo resident shares the number.
    const day = new Date(Date.UTC(1960, 0, 1 + index)).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `410103${day}${String(100 + (index % 800)).padStart(3, "0")}`;
    lines.push(`续传居民${String(index).padStart(4, "0")},${first17}${idNumberCheckCharacter(first17)},410105007002`);
  }
  const file = path.join(storage.dir, "residents.csv");
  writeFileSync(file, lines.join("\r\n"));
  return file;
}

async function importedCount(): Promise<number> {
  const database = await storage.open();
  try {
    const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM residents WHERE name LIKE '续传居民%'`);
    return row?.n ?? -1;
  } finally {
    await database.close();
  }
}

describe("sanshe import after a crash", () => {
  it("keeps the committed batches of a killed import and resumes after them without duplicates", async () => {
    const file = residentsFile();
    const child = storage.start("import", "residents", file, "--as", "demo-community", "--commit");
    let output = "";
    const jobId = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        // Kill it hard as soon as the first batch has committed.
        if (/\d+\/\d+ rows written/.test(output)) {
          child.kill("SIGKILL");
        }
      });
      child.on("exit", () => {
        const id = /import ([0-9a-f-]{36}):/.exec(output)?.[1];
        if (id) {
          resolve(id);
        } else {
          reject(new Error(`no job id in:\n${output}`));
        }
      });
    });
    expect(output).toMatch(/600 rows read as utf-8; 600 valid, 0 with errors/);

    const afterCrash = await importedCount();
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThan(rows);
    expect(afterCrash % batchSizeFor(rows)).toBe(0); // whole batches only

    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the job's heartbeat goes stale
    const resumed = await storage.sanshe("import", "resume", jobId, "--as", "demo-community");
    expect(resumed.code, resumed.out).toBe(0);
    expect(resumed.out).toContain(`resuming import ${jobId} after file row ${afterCrash + 1}`);
    expect(resumed.out).toMatch(/completed: \d+ inserted/);
    expect(await importedCount()).toBe(rows);

    const again = await storage.sanshe("import", "residents", file, "--as", "demo-community", "--commit");
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain(`0 inserted, 0 updated, ${rows} unchanged`);
    expect(await importedCount()).toBe(rows);
  }, 240_000);

  it("prints the report and exits 1 when the file has errors, writing nothing", async () => {
    const file = path.join(storage.dir, "bad.csv");
    writeFileSync(file, "姓名,身份证号,社区代码\n坏号码,110105491231002,410105007002\n");
    const result = await storage.sanshe("import", "residents", file, "--as", "demo-community");
    expect(result.code).toBe(1);
    expect(result.out).toContain("row 2 [身份证号]: ID_NUMBER_LEGACY");
    expect(result.out).toContain("nothing written");
  }, 120_000);
});
