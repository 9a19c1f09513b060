import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { developmentKey } from "./pii/index.js";

describe("SANSHE_PII_KEY", () => {
  const key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  it("refuses to start in production without it", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SANSHE_PII_KEY/);
  });

  it("uses the configured key", () => {
    const config = loadConfig({ NODE_ENV: "production", SANSHE_PII_KEY: key });
    expect(config.piiKey.toString("hex")).toBe(key);
    expect(config.piiKeyIsDevelopment).toBe(false);
  });

  it("falls back to the fixed development key outside production", () => {
    const config = loadConfig({ NODE_ENV: "development" });
    expect(config.piiKey.equals(developmentKey())).toBe(true);
    expect(config.piiKeyIsDevelopment).toBe(true);
  });

  it("refuses a key that is not 64 hex characters", () => {
    expect(() => loadConfig({ SANSHE_PII_KEY: "abc" })).toThrow(/SANSHE_PII_KEY/);
    expect(() => loadConfig({ SANSHE_PII_KEY: "g".repeat(64) })).toThrow(/SANSHE_PII_KEY/);
  });
});
