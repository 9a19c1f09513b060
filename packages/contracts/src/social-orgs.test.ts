import { describe, expect, it } from "vitest";
import { usccCheckCharacter } from "./identifiers.js";
import { SocialOrgCreateSchema, socialOrgRegistrationProblem } from "./social-orgs.js";

function uscc(prefix: string): string {
  const first17 = `${prefix}410105MJ0000001`;
  return first17 + usccCheckCharacter(first17);
}

describe("socialOrgRegistrationProblem", () => {
  it.each([
    ["registered", "association", uscc("51"), null],
    ["registered", "private_non_enterprise", uscc("52"), null],
    ["registered", "foundation", uscc("53"), null],
    ["registered", "foundation", uscc("52"), "USCC_FORM_MISMATCH"],
    ["registered", "association", uscc("59"), "USCC_FORM_MISMATCH"],
    ["registered", "association", null, "required"],
    ["registered", null, uscc("51"), "required"],
    ["filed", null, null, null],
    ["filed", "association", uscc("52"), "USCC_FORM_MISMATCH"],
  ] as const)("%s %s %s → %s", (registration, legal_form, code, expected) => {
    expect(socialOrgRegistrationProblem({ registration, legal_form, uscc: code })?.code ?? null).toBe(expected);
  });
});

describe("SocialOrgCreateSchema", () => {
  it("normalizes a lowercase credit code and refuses a wrong check character", () => {
    const code = uscc("52");
    const parsed = SocialOrgCreateSchema.parse({
      name: "测试",
      registration: "registered",
      category: "charity",
      area_code: "410105",
      uscc: code.toLowerCase(),
    });
    expect(parsed.uscc).toBe(code);
    const bad = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    const result = SocialOrgCreateSchema.safeParse({
      name: "测试",
      registration: "registered",
      category: "charity",
      area_code: "410105",
      uscc: bad,
    });
    expect(result.error?.issues[0]?.message).toBe("INVALID_USCC");
  });

  it("refuses unknown keys", () => {
    expect(
      SocialOrgCreateSchema.safeParse({ name: "测试", registration: "filed", category: "charity", area_code: "410105", extra: 1 }).success,
    ).toBe(false);
  });
});
