import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createCliStorage } from "../../../../test/cli-harness.js";
import { queryRows } from "../../../platform/db/client.js";

/** `sanshe needs escalate` on the demo world: the seed already escalated, so a second sweep finds nothing new. */

let storage: Awaited<ReturnType<typeof createCliStorage>>;

beforeAll(async () => {
  storage = await createCliStorage("escalate-cli");
});

afterAll(async () => {
  await storage.dispose();
});

describe("sanshe needs escalate", () => {
  it("leaves demo-street with notifications after the seed and escalates nothing twice", async () => {
    expect((await storage.sanshe("seed", "--demo")).code).toBe(0);
    const run = await storage.sanshe("needs", "escalate");
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toContain("needs escalate: 0 referrals escalated, 0 notifications sent");
    expect((await storage.sanshe("needs", "nonsense")).code).toBe(2);
    const database = await storage.open();
    try {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM notifications JOIN users ON users.id = notifications.recipient_id WHERE users.login = 'demo-street' AND notifications.kind = 'referral_escalated'`,
      );
      expect(row?.n).toBeGreaterThan(0);
      const [events] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM need_events WHERE kind = 'escalated'`,
      );
      expect(events?.n).toBe(row?.n);
    } finally {
      await database.close();
    }
  }, 240_000);
});
