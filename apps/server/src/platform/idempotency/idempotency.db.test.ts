import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { NeedDetail } from "@sanshe/contracts";
import { buildApp } from "../../app.js";
import { loadConfig } from "../config.js";
import { queryRows, type Database } from "../db/client.js";
import { systemCtx } from "../system.js";
import { createTestDatabase } from "../../../test/test-db.js";
import { as, signIn } from "../../../test/test-app.js";
import { buildUser } from "../../modules/users/test/factories.js";

/**
 * Idempotency-Key makes a write exactly once: the key and its answer commit in the business
 * transaction, so a retry after any failure (the answer lost after the commit, the answer's write
 * failing, the whole transaction rolling back) returns the first answer or runs once.
 */

let clock = new Date("2026-03-02T02:00:00Z");
let app: FastifyInstance;
let database: Database;
let resident: ReturnType<typeof as>;
let residentId: string;
// The next keyed answer is lost after the idempotency hook ran, as when the process dies between
// the commit and the reply: the client sees a failure instead.
let loseNextAnswer = false;
const community = "410105007002";

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SANSHE_LOGIN_RATE_PER_MINUTE: "1000",
    SANSHE_MAX_EVENT_LOOP_DELAY_MS: "0",
  });
  database = await createTestDatabase();
  app = await buildApp({ config, database, logger: false, now: () => clock });
  app.addHook("onSend", async (request) => {
    if (loseNextAnswer && request.headers["idempotency-key"]) {
      loseNextAnswer = false;
      throw new Error("connection lost after the commit");
    }
  });
  await app.ready();
  const user = await buildUser(
    systemCtx(database.db, () => clock),
    [{ role: "resident", area_code: community }],
  );
  residentId = user.id;
  resident = as(app, await signIn(app, user.login));
});

afterAll(async () => {
  await app.close();
  await database.close();
});

async function run(...statements: string[]): Promise<void> {
  for (const statement of statements) {
    await database.db.execute(sql.raw(statement));
  }
}

async function needCount(description: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    database.db,
    sql`SELECT count(*)::int AS count FROM needs WHERE created_by = ${residentId} AND description = ${description}`,
  );
  return row?.count ?? 0;
}

const report = (description: string, key: string, category = "elderly_care") =>
  resident.post("/api/v1/needs", { category, description }, { headers: { "idempotency-key": key } });

describe("Idempotency-Key: exactly once", () => {
  it("returns the first answer when the answer was lost after the commit, with one row", async () => {
    loseNextAnswer = true;
    const lost = await report("答复丢失后重试", "lost-answer-0001");
    expect(lost.statusCode).toBe(500);
    expect(await needCount("答复丢失后重试")).toBe(1);
    const retry = await report("答复丢失后重试", "lost-answer-0001");
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await needCount("答复丢失后重试")).toBe(1);
    expect(retry.json<NeedDetail>().description).toBe("答复丢失后重试");
  });

  it("never runs twice when storing the answer fails after the write (a full disk), even a minute later", async () => {
    await run(
      `CREATE FUNCTION test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$`,
      `CREATE TRIGGER test_refuse_answer BEFORE UPDATE ON idempotency_keys FOR EACH ROW
       WHEN (NEW.status_code IS NOT NULL) EXECUTE FUNCTION test_refuse_answer()`,
    );
    let firstCode: unknown;
    try {
      const first = await report("写答复时磁盘满", "answer-write-fails-0001", "repairs");
      expect(first.statusCode).toBeGreaterThanOrEqual(500);
      firstCode = first.json<{ code: string }>().code;
    } finally {
      await run("DROP TRIGGER test_refuse_answer ON idempotency_keys", "DROP FUNCTION test_refuse_answer()");
    }
    // Not acknowledged, so nothing was kept.
    expect(await needCount("写答复时磁盘满")).toBe(0);
    clock = new Date(clock.getTime() + 61_000);
    const retry = await report("写答复时磁盘满", "answer-write-fails-0001", "repairs");
    expect(retry.statusCode).toBe(201);
    const again = await report("写答复时磁盘满", "answer-write-fails-0001", "repairs");
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json<NeedDetail>().id).toBe(retry.json<NeedDetail>().id);
    expect(await needCount("写答复时磁盘满")).toBe(1);
    expect(firstCode).toBe("STORAGE_FULL");
  });

  it("runs once on a retry after the first transaction rolled back", async () => {
    await run(
      `CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit write failed'; END $$`,
      "CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit()",
    );
    try {
      const first = await report("事务回滚后重试", "rolled-back-0001", "health");
      expect(first.statusCode).toBe(500);
    } finally {
      await run("DROP TRIGGER test_fail_audit ON audit_log", "DROP FUNCTION test_fail_audit()");
    }
    expect(await needCount("事务回滚后重试")).toBe(0);
    const retry = await report("事务回滚后重试", "rolled-back-0001", "health");
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBeUndefined();
    expect((await report("事务回滚后重试", "rolled-back-0001", "health")).headers["idempotent-replayed"]).toBe("true");
    expect(await needCount("事务回滚后重试")).toBe(1);
  });

  it("runs eight simultaneous sends of one key once, all answered with the same need", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => report("同时重复提交", "simultaneous-0001", "sanitation")));
    const created = responses.filter((response) => response.statusCode === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const response of responses) {
      if (response.statusCode === 201) {
        expect(response.json<NeedDetail>().id).toBe(created[0]?.json<NeedDetail>().id);
      } else {
        expect(response.json()).toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS" });
      }
    }
    expect(await needCount("同时重复提交")).toBe(1);
  });

  it("keeps the business write and the key together: no key is left behind by a refused write", async () => {
    const refused = await resident.post(
      "/api/v1/needs",
      { category: "no_such_category", description: "类别不存在" },
      { headers: { "idempotency-key": "refused-0001" } },
    );
    expect(refused.statusCode).toBe(400);
    const replay = await resident.post(
      "/api/v1/needs",
      { category: "no_such_category", description: "类别不存在" },
      { headers: { "idempotency-key": "refused-0001" } },
    );
    expect(replay.statusCode).toBe(400);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
  });
});
