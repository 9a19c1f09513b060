import { describe, expect, it } from "vitest";
import { callbackAllowedFrom } from "./policy.js";

describe("callbackAllowedFrom", () => {
  const doneAt = new Date("2026-12-01T02:00:00Z");

  it("waits the configured days for a resident with an account", () => {
    expect(callbackAllowedFrom(doneAt, true, 3)?.toISOString()).toBe("2026-12-04T02:00:00.000Z");
  });

  it("allows a call-back at once when the resident has no account", () => {
    expect(callbackAllowedFrom(doneAt, false, 3)?.toISOString()).toBe(doneAt.toISOString());
  });

  it("is null while the need is not done", () => {
    expect(callbackAllowedFrom(null, true, 3)).toBeNull();
  });
});
