import { describe, expect, it } from "vitest";
import { idNumberCheckCharacter } from "@sanshe/contracts";
import { residentExport, residentImport, ResidentImportRowSchema } from "./spreadsheets.js";

const first17 = "41010519800517001";
const idNumber = first17 + idNumberCheckCharacter(first17);

describe("residents import row", () => {
  it("parses Chinese group and relation labels", () => {
    const row = ResidentImportRowSchema.parse({
      name: "张三",
      id_number: idNumber,
      phone: "138 0000 0005",
      area_code: "410105007002",
      groups: "独居老人,残疾人，低保",
      head_id_number: idNumber,
      relation_to_head: "户主",
    });
    expect(row).toMatchObject({ phone: "13800000005", groups: ["disabled", "elderly_alone", "low_income"], relation_to_head: "head" });
    expect(residentImport.naturalKey(row)).toBe(idNumber);
  });

  it("accepts a row with only name, ID number and community", () => {
    expect(ResidentImportRowSchema.parse({ name: "李四", id_number: idNumber, area_code: "410105007002" })).toMatchObject({ groups: [] });
  });

  it("reports unknown labels, a legacy ID number and a street code", () => {
    const issues = (input: Record<string, string>) =>
      ResidentImportRowSchema.safeParse({ name: "王五", id_number: idNumber, area_code: "410105007002", ...input }).error?.issues.map(
        (issue) => issue.message,
      );
    expect(issues({ groups: "外星人" })).toEqual(["UNKNOWN_GROUP"]);
    expect(issues({ relation_to_head: "邻居" })).toEqual(["UNKNOWN_RELATION"]);
    expect(issues({ id_number: "410105800517123" })).toEqual(["ID_NUMBER_LEGACY"]);
    expect(issues({ area_code: "410105007" })).toEqual(["INVALID_COMMUNITY_CODE"]);
  });

  it("has Chinese and English headers for every column", () => {
    expect(residentImport.columns.map((column) => column.header)).toEqual([
      "姓名",
      "身份证号",
      "手机号",
      "社区代码",
      "地址",
      "人群类别",
      "户主身份证号",
      "与户主关系",
    ]);
    expect(residentImport.columns.every((column) => column.header_en.length > 0)).toBe(true);
  });
});

describe("residents export", () => {
  it("shows masked values and Chinese labels", () => {
    const item = {
      name: "张三",
      gender: "male",
      birth_date: "1980-05-17",
      id_number_masked: "410105********0011",
      phone_masked: "138****0005",
      area_code: "410105007002",
      area_name: "丰乐社区",
      address: "丰乐路 1 号",
      groups: ["elderly_alone", "disabled"],
      relation_to_head: "head",
    } as unknown as Parameters<(typeof residentExport.columns)[number]["value"]>[0];
    const values = Object.fromEntries(residentExport.columns.map((column) => [column.key, column.value(item)]));
    expect(values).toMatchObject({
      id_number: "410105********0011",
      phone: "138****0005",
      gender: "男",
      groups: "独居老人,残疾人",
      relation_to_head: "户主",
    });
  });
});
