import { describe, expect, it } from "vitest";
import { AreaCodeSchema, text } from "./common.js";
import { UserCreateSchema } from "./users.js";

describe("text()", () => {
  const name = text({ max: 10 });

  it("normalizes to NFC and trims", () => {
    expect(name.parse("  e\u0301  ")).toBe("\u00e9");
  });

  it("accepts characters outside the BMP and the middle dot of minority names", () => {
    expect(name.parse("𠮷野家")).toBe("𠮷野家");
    expect(name.parse("阿依·买买提")).toBe("阿依·买买提");
  });

  it.each([
    ["nul", "a\u0000b"],
    ["zero-width space", "a\u200Bb"],
    ["bidi override", "a\u202Eb"],
    ["escape", "a\u001Bb"],
  ])("refuses %s with TEXT_FORBIDDEN_CHARACTER", (_label, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("TEXT_FORBIDDEN_CHARACTER");
  });

  it("refuses empty and over-long text", () => {
    expect(name.safeParse("   ").success).toBe(false);
    expect(name.safeParse("x".repeat(11)).success).toBe(false);
  });
});

describe("AreaCodeSchema", () => {
  it.each(["41", "4101", "410105", "410105007", "410105007002"])("accepts %s", (code) => {
    expect(AreaCodeSchema.safeParse(code).success).toBe(true);
  });
  it.each(["4", "41010", "4101050070021", "41010500700x", "４１０１", " 4101"])("refuses %s", (code) => {
    expect(AreaCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe("UserCreateSchema", () => {
  const valid = {
    login: "Zhang.San",
    display_name: "张三",
    password: "Abcdefgh12",
    memberships: [{ role: "resident", area_code: "410105007002" }],
  };

  it("lower-cases the login", () => {
    expect(UserCreateSchema.parse(valid).login).toBe("zhang.san");
  });

  it("refuses fields it does not know (mass assignment)", () => {
    expect(UserCreateSchema.safeParse({ ...valid, status: "active" }).success).toBe(false);
    expect(UserCreateSchema.safeParse({ ...valid, memberships: [{ ...valid.memberships[0], approved_by: "x" }] }).success).toBe(false);
  });

  it("refuses weak passwords", () => {
    expect(UserCreateSchema.safeParse({ ...valid, password: "short1" }).success).toBe(false);
    expect(UserCreateSchema.safeParse({ ...valid, password: "onlyletterslong" }).success).toBe(false);
  });
});
