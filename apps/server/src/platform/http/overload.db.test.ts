import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SANSHE_MAX_EVENT_LOOP_DELAY_MS: "50" });
});

afterAll(async () => {
  await t.close();
});

/** Keeps the event loop busy, as a flood of synchronous work would. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

/** Polls the health route until it answers 200 (or gives up after ~10 s); true when it did. */
async function recovers(): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await t.app.inject({ method: "GET", url: "/api/v1/health" })).statusCode === 200) {
      return true;
    }
    await sleep(100);
  }
  return false;
}

describe("overload", () => {
  it("answers 503 with Retry-After and a problem while the event loop lags, and recovers when it stops", async () => {
    // Opening the database lags the loop too; start from a calm server.
    expect(await recovers()).toBe(true);

    let shed: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    // Sustained lag: the loop is blocked again and again, with only a moment for timers in between.
    for (let attempt = 0; attempt < 30 && !shed; attempt += 1) {
      block(150);
      await sleep(1);
      const response = await t.app.inject({ method: "GET", url: "/api/v1/health" });
      if (response.statusCode === 503) {
        shed = response;
      }
    }
    expect(shed?.statusCode).toBe(503);
    expect(shed?.headers["retry-after"]).toBeDefined();
    expect(shed?.headers["content-type"]).toContain("application/problem+json");
    expect(shed?.json()).toMatchObject({ code: "OVERLOADED" });
    // Recovery within the 10 s the scale targets allow.
    expect(await recovers()).toBe(true);
  });
});
