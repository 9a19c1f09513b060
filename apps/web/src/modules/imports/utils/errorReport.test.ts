import { describe, expect, it } from "vitest";
import { errorReportCsv } from "./errorReport";

const headers = { row: "行号", field: "列", value: "填写的值", message: "说明", allowed: "可填写的值", wholeRow: "整行" };

describe("errorReportCsv", () => {
  it("lists row, column, the bad value, the explanation and the allowed values, without the raw code", () => {
    const csv = errorReportCsv(
      [
        {
          row: 3,
          field: "性别",
          code: "INVALID_GENDER",
          message: "性别应为 男 或 女",
          phase: "validation",
          value: "未知",
          allowed: ["男", "女"],
        },
        { row: 5, field: null, code: "DUPLICATE_IN_FILE", message: "与第 2 行是同一条记录", phase: "validation" },
      ],
      headers,
    );
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual(["行号,列,填写的值,说明,可填写的值", "3,性别,未知,性别应为 男 或 女,男、女", "5,整行,,与第 2 行是同一条记录,"]);
    expect(csv).not.toContain("INVALID_GENDER");
  });

  it("neutralizes formulas and quotes commas", () => {
    const csv = errorReportCsv([{ row: 2, field: "名称", code: "x", message: "a, b", phase: "write", value: "=HYPERLINK(1)" }], headers);
    expect(csv).toContain(`'=HYPERLINK(1)`);
    expect(csv).toContain(`"a, b"`);
  });
});
