import { describe, expect, it } from "vitest";
import { isValidUscc } from "@sanshe/contracts";
import { socialOrgRowSchema } from "./imports.js";
import { demoSocialOrgs, demoUscc } from "./seed.js";
import { seededRandom } from "../../platform/seed.js";

const uscc = demoUscc("private_non_enterprise", "410105", seededRandom(1));

describe("socialOrgRowSchema", () => {
  it("maps Chinese labels, grades and dates of a registered organization", () => {
    const row = socialOrgRowSchema.parse({
      name: "金水区颐养老年服务中心",
      uscc: uscc.toLowerCase(),
      registration: "登记",
      legal_form: "民办非企业单位",
      category: "生活服务类",
      grade: "AAA",
      grade_year: "2025",
      area_code: "410105",
      founded_on: "2018年5月2日",
      staff_count: "12",
      social_worker_count: "５",
      status: "正常",
      description: "居家养老",
      contact_phone: "0371-12345678",
    });
    expect(row).toMatchObject({
      uscc,
      registration: "registered",
      legal_form: "private_non_enterprise",
      category: "life_services",
      grade: "3A",
      grade_year: 2025,
      founded_on: "2018-05-02",
      staff_count: 12,
      social_worker_count: 5,
      status: "active",
    });
  });

  it("accepts a filed organization without a credit code", () => {
    expect(
      socialOrgRowSchema.safeParse({ name: "广场舞队", registration: "备案", category: "文体类", area_code: "410105007002" }).success,
    ).toBe(true);
  });

  it.each([
    [{ uscc: "52410105MJ0000000X" }, "uscc", "INVALID_USCC"],
    [{ legal_form: "基金会" }, "uscc", "USCC_FORM_MISMATCH"],
    [{ uscc: undefined }, "uscc", "required"],
    [{ category: "体育类" }, "category", "invalid_value"],
    [{ grade: "6A" }, "grade", "invalid_value"],
    [{ staff_count: "十二" }, "staff_count", "invalid_type"],
  ] as const)("refuses %o at %s (%s)", (change, path, code) => {
    const result = socialOrgRowSchema.safeParse({
      name: "测试组织",
      uscc,
      registration: "登记",
      legal_form: "民办非企业单位",
      category: "综合类",
      area_code: "410105",
      ...change,
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === path);
    expect(issue?.message === code || issue?.code === code).toBe(true);
  });
});

describe("demoSocialOrgs", () => {
  it("is deterministic, about 40 organizations with valid credit codes matching their form", () => {
    const orgs = demoSocialOrgs();
    expect(orgs).toEqual(demoSocialOrgs());
    expect(orgs.length).toBeGreaterThanOrEqual(38);
    expect(orgs.map((org) => org.name)).toContain("金水区颐养老年服务中心（演示）");
    expect(orgs.map((org) => org.name)).toContain("金水区丰乐社工服务中心（演示）");
    for (const org of orgs) {
      if (org.uscc) {
        expect(isValidUscc(org.uscc)).toBe(true);
        expect(org.uscc.slice(0, 2)).toBe(
          { association: "51", private_non_enterprise: "52", foundation: "53" }[org.legalForm ?? "association"],
        );
        expect(org.uscc.slice(2, 8)).toBe(org.areaCode.slice(0, 6));
      }
      expect(org.stations.every((station) => !station.areaCode.endsWith("011"))).toBe(true);
    }
    expect(orgs.some((org) => org.registration === "filed" && org.uscc === null)).toBe(true);
    expect(new Set(orgs.map((org) => org.grade)).size).toBe(6);
    expect(new Set(orgs.map((org) => org.category)).size).toBe(5);
  });
});
