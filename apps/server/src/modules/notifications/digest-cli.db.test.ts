import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliStorage } from "../../../test/cli-harness.js";

/**
 * `sanshe notifications digest` on the demo world: demo-community (daily digest, an address) gets one
 * digest of the seeded announcements, printed without SMTP; a second run the same day sends nothing.
 */

let storage: Awaited<ReturnType<typeof createCliStorage>>;

beforeAll(async () => {
  storage = await createCliStorage("digest-cli");
});

afterAll(async () => {
  await storage.dispose();
});

describe("sanshe notifications digest", () => {
  it("prints demo-community's digest once", async () => {
    expect((await storage.sanshe("seed", "--demo")).code).toBe(0);
    const first = await storage.sanshe("notifications", "digest");
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain("demo-community@example.org");
    expect(first.out).toContain("notifications digest: 1 digests sent (0 failed)");
    const second = await storage.sanshe("notifications", "digest");
    expect(second.out).toContain("notifications digest: 0 digests sent (0 failed), 0 e-mails sent (0 failed)");
    expect((await storage.sanshe("notifications", "nonsense")).code).toBe(2);
  }, 240_000);
});
