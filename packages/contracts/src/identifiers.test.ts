import { describe, expect, it } from "vitest";
import {
  IdNumberSchema,
  idNumberCheckCharacter,
  idNumberProblem,
  isValidPhone,
  isValidUscc,
  parseIdNumber,
  usccCheckCharacter,
  UsccSchema,
} from "./identifiers.js";

describe("GB 11643 ID numbers", () => {
  it.each([
    ["11010519491231002X", null],
    ["440524188001010014", null],
    ["11010519491231002x", null],
    ["１１０１０５１９４９１２３１００２Ｘ", null],
    ["110105194912310021", "INVALID_ID_NUMBER"],
    ["110105491231002", "ID_NUMBER_LEGACY"],
    ["11010520230229001X", "INVALID_ID_NUMBER"],
    ["1101051949123100", "INVALID_ID_NUMBER"],
    ["11010519491331002X", "INVALID_ID_NUMBER"],
    ["11010530001231002X", "INVALID_ID_NUMBER"],
  ])("%s → %s", (value, problem) => {
    expect(idNumberProblem(value, new Date("2026-11-27T00:00:00Z"))).toBe(problem);
  });

  it("computes the check character with MOD 11-2", () => {
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
    expect(idNumberCheckCharacter("44052418800101001")).toBe("4");
  });

  it("normalizes and derives birth date and gender", () => {
    expect(IdNumberSchema.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(parseIdNumber("11010519491231002X")).toEqual({ birth_date: "1949-12-31", gender: "female" });
    expect(parseIdNumber("440524188001010014")).toEqual({ birth_date: "1880-01-01", gender: "male" });
  });

  it("reports a legacy number with its own issue code", () => {
    const result = IdNumberSchema.safeParse("110105491231002");
    expect(result.error?.issues[0]?.message).toBe("ID_NUMBER_LEGACY");
  });
});

describe("GB 32100 unified social credit codes", () => {
  it.each([
    ["91350100M000100Y43", true],
    ["91350100m000100y43", true],
    ["91350100M000100Y44", false],
    ["91350100M000100I43", false],
    ["9135010M000100Y43", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidUscc(value)).toBe(valid);
  });

  it("computes the check character with weights 3^(i-1) mod 31", () => {
    expect(usccCheckCharacter("91350100M000100Y4")).toBe("3");
    const civil = `5141010${"5".repeat(0)}0MJ${"1234567"}`;
    expect(civil).toHaveLength(17);
    expect(isValidUscc(civil + usccCheckCharacter(civil))).toBe(true);
  });

  it("normalizes to upper case and reports INVALID_USCC", () => {
    expect(UsccSchema.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    expect(UsccSchema.safeParse("91350100M000100Y44").error?.issues[0]?.message).toBe("INVALID_USCC");
  });
});

describe("phone numbers", () => {
  it.each([
    ["13800000005", true],
    ["+86 138 0000 0005", true],
    ["0371-12345678", true],
    ["12800000005", false],
    ["1380000000", false],
    ["abc", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidPhone(value)).toBe(valid);
  });
});
