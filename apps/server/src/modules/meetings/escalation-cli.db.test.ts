import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliStorage } from "../../../test/cli-harness.js";

/** `sanshe meetings escalate` runs the sweep the server runs periodically (nothing to do on an empty storage). */

let storage: Awaited<ReturnType<typeof createCliStorage>>;

beforeAll(async () => {
  storage = await createCliStorage("meetings-escalate-cli");
});

afterAll(async () => {
  await storage.dispose();
});

describe("sanshe meetings escalate", () => {
  it("reports what it escalated and refuses an unknown subcommand", async () => {
    const run = await storage.sanshe("meetings", "escalate");
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toContain("meetings escalate: 0 action items escalated, 0 notifications sent");
    expect((await storage.sanshe("meetings", "nonsense")).code).toBe(2);
  }, 120_000);
});
