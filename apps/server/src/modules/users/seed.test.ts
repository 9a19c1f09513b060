import { describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "@sanshe/contracts";
import { demoAccounts } from "./seed.js";

describe("demo accounts", () => {
  it("seeds exactly the logins the login page lists, once each, in its order", () => {
    expect(demoAccounts.map((account) => account.login)).toEqual([...DEMO_LOGINS]);
  });
});
