import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { withTx } from "../ctx.js";
import { users } from "../auth/schema.js";
import { auditLog } from "./schema.js";
import { sealAll, sealAuditLog, verifyAuditChain } from "./chain.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

async function unsealedCount(): Promise<number> {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(sql`seq IS NULL`);
  return row?.n ?? 0;
}

describe(sealAuditLog.name, () => {
  it("links committed records into a chain that verifies", async () => {
    for (let i = 0; i < 25; i += 1) {
      await t.ctx.audit.record("test.write", {
        entityType: "thing",
        entityId: String(i),
        areaCode: "410105",
        detail: { i, note: "第𠮷条 · ok" },
      });
    }
    expect(await unsealedCount()).toBeGreaterThanOrEqual(25);
    await sealAll(t.database.db);
    expect(await unsealedCount()).toBe(0);
    const result = await verifyAuditChain(t.database.db, 7);
    expect(result.ok).toBe(true);
    expect(result.verified).toBeGreaterThanOrEqual(25);
    expect(result.firstBroken).toBeNull();
  });

  it("leaves rows of uncommitted transactions for a later pass and keeps the chain valid", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    if (t.database.kind === "postgres") {
      const pending = withTx(t.ctx, async (tx) => {
        await tx.audit.record("test.slow");
        await gate;
      });
      await t.ctx.audit.record("test.fast");
      await sealAll(t.database.db);
      release();
      await pending;
    } else {
      // PGlite runs one transaction at a time; the interleaving cannot happen there.
      release();
      await t.ctx.audit.record("test.slow");
    }
    await sealAll(t.database.db);
    expect(await unsealedCount()).toBe(0);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe("append-only audit log", () => {
  it("refuses updates and deletes of records", async () => {
    await sealAll(t.database.db);
    await expect(
      t.database.db.execute(sql`UPDATE audit_log SET action = 'forged' WHERE id = (SELECT min(id) FROM audit_log)`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE audit_log SET hash = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it("fails the business write when its audit record cannot be written", async () => {
    const login = "audit-failure-user";
    await expect(
      withTx(t.ctx, async (tx) => {
        await tx.db.insert(users).values({ login, displayName: "x", passwordHash: "x" });
        await tx.audit.record("users.create", { areaCode: "4101050070021" }); // too long for area_code: the insert fails
      }),
    ).rejects.toThrow();
    expect(await t.database.db.select().from(users).where(eq(users.login, login))).toEqual([]);
  });
});

describe(verifyAuditChain.name, () => {
  it("names the first record whose content was changed behind the triggers' back", async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.ctx.audit.record("test.tamper", { detail: { i } });
    }
    await sealAll(t.database.db);
    const rows = await t.database.db
      .select({ id: auditLog.id, seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.action, "test.tamper"))
      .orderBy(auditLog.seq);
    const victim = rows[2];
    expect(victim).toBeDefined();
    await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.database.db.execute(sql`UPDATE audit_log SET detail = '{"i": 99}' WHERE id = ${victim?.id}`);
    await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: victim?.id.toString(), reason: "content does not match its hash" });
    expect(result.verified).toBe(Number(victim?.seq) - 1);
  });
});
