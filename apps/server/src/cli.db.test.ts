import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createCliStorage } from "../test/cli-harness.js";
import { repositoryRoot } from "./platform/config.js";
import { DatabaseLockedError, queryRows } from "./platform/db/client.js";

let storage: Awaited<ReturnType<typeof createCliStorage>>;
const sanshe = (...args: string[]) => storage.sanshe(...args);
const open = () => storage.open();

async function count(table: string): Promise<number> {
  const database = await open();
  try {
    const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    return row?.n ?? -1;
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  storage = await createCliStorage("cli", { SANSHE_NEW_PASSWORD: "Cli-password-2026" });
});

afterAll(async () => {
  await storage.dispose();
});

describe("sanshe CLI", () => {
  it("migrates, imports areas idempotently and creates a user", async () => {
    expect((await sanshe("migrate")).code).toBe(0);
    const streets = path.join(repositoryRoot, "data/reference/gb2260/zhengzhou-4101-streets.csv");
    const villages = path.join(repositoryRoot, "data/reference/gb2260/zhengzhou-4101-villages.csv");
    const first = await sanshe("import", "areas", "--streets", streets, "--villages", villages);
    expect(first.out).toContain("3531 inserted");
    const again = await sanshe("import", "areas", "--streets", streets, "--villages", villages);
    expect(again.out).toContain("0 inserted, 0 updated, 3531 unchanged");
    expect(await count("areas")).toBe(3531);
    const created = await sanshe("users", "create", "--login", "cli-admin", "--name", "命令行管理员", "--role", "admin", "--area", "4101");
    expect(created).toMatchObject({ code: 0 });
    const invalid = await sanshe("users", "create", "--login", "x", "--role", "admin", "--area", "4101");
    expect(invalid.code).toBe(2);
  }, 180_000);

  it("verifies the audit chain (exit 0) and names the first tampered record (exit 1)", async () => {
    const ok = await sanshe("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit chain verified: \d+ records/);

    const database = await open();
    const [victim] = await queryRows<{ id: string }>(database.db, sql`SELECT id::text AS id FROM audit_log ORDER BY audit_log.seq LIMIT 1`);
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await database.db.execute(sql`UPDATE audit_log SET actor_login = 'mallory' WHERE id = ${victim?.id}::bigint`);
    await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await database.close();

    const broken = await sanshe("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at record ${victim?.id}`);

    // Put the record back so the later tests start from a sound chain.
    const repair = await open();
    await repair.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await repair.db.execute(sql`UPDATE audit_log SET actor_login = 'system' WHERE id = ${victim?.id}::bigint`);
    await repair.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await repair.close();
    expect((await sanshe("audit", "verify")).code).toBe(0);
  }, 180_000);

  it("backs up and restores into a fresh database with the same counts", async () => {
    const backup = path.join(storage.dir, "sanshe.backup");
    const before = { areas: await count("areas"), users: await count("users"), audit: await count("audit_log") };
    expect((await sanshe("backup", backup)).code).toBe(0);

    // Lose data, then restore.
    const database = await open();
    await database.db.execute(sql`DELETE FROM users`);
    await database.close();
    expect(await count("users")).toBe(0);

    const restored = await sanshe("restore", backup);
    expect(restored.code, restored.out).toBe(0);
    expect({ areas: await count("areas"), users: await count("users"), audit: await count("audit_log") }).toEqual({
      ...before,
      audit: expect.any(Number),
    });
    expect(await count("audit_log")).toBeGreaterThanOrEqual(before.audit);
    expect((await sanshe("audit", "verify")).code).toBe(0);
  }, 180_000);

  it.runIf(!process.env.DATABASE_URL)(
    "refuses a second process on the same PGlite data directory",
    async () => {
      const database = await open();
      try {
        await expect(open()).rejects.toBeInstanceOf(DatabaseLockedError);
        const second = await sanshe("migrate");
        expect(second.code).toBe(1);
        expect(second.out).toContain("Another Sanshe process");
      } finally {
        await database.close();
      }
    },
    120_000,
  );
});
