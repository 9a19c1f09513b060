import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { idNumberCheckCharacter } from "@sanshe/contracts";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** A valid 18-digit ID number born in 二七区 (410103), so it cannot collide with the demo residents. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `410103${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

const header = "姓名,身份证号,手机号,社区代码,地址";

describe("resident import", () => {
  it("[COMMUNITY][IMPORTS] community staff import a residents file, read the report of its two bad rows, fix it, import, and find a resident", async () => {
    const good = idNumber("19800203", "913");
    const second = idNumber("19750611", "924");
    const third = idNumber("19920918", "935");
    const wrongCheck = third.slice(0, 17) + (third.endsWith("0") ? "1" : "0");
    const broken = [
      header,
      `导入测试甲,${good},13800001111,410105007002,丰乐路1号`,
      "导入测试乙,410103750611924,13800002222,410105007002,丰乐路2号",
      `导入测试丙,${wrongCheck},13800003333,410105007002,丰乐路3号`,
    ].join("\r\n");
    const fixed = [
      header,
      `导入测试甲,${good},13800001111,410105007002,丰乐路1号`,
      `导入测试乙,${second},13800002222,410105007002,丰乐路2号`,
      `导入测试丙,${third},13800003333,410105007002,丰乐路3号`,
    ].join("\r\n");

    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-community");
      await page.goto("/imports");
      await page.locator("label.ant-radio-button-wrapper", { hasText: "居民" }).click();
      await page.getByRole("button", { name: /下一步/ }).click();

      await page.locator('input[type="file"]').setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
      await page.getByText("2 行有错误").first().waitFor({ timeout: 30_000 });
      const report = await page.locator("body").innerText();
      expect(report).toContain("ID_NUMBER_LEGACY");
      expect(report).toContain("INVALID_ID_NUMBER");
      expect(await page.getByRole("button", { name: "全部导入" }).isDisabled()).toBe(true);

      await page.getByRole("button", { name: "重新上传" }).click();
      await page.locator('input[type="file"]').setInputFiles({ name: "居民-修改.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
      await page.getByText(/全部 3 行均通过校验/).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "全部导入" }).click();
      await page.getByText("导入完成").first().waitFor({ timeout: 30_000 });

      await page.goto("/residents");
      await page
        .getByPlaceholder(/姓名|搜索/)
        .first()
        .fill("导入测试乙");
      await page.keyboard.press("Enter");
      await expect
        .poll(async () => (await page.locator(".ant-table-tbody").innerText()).includes("导入测试乙"), { timeout: 15_000 })
        .toBe(true);
      const row = await page.locator(".ant-table-tbody").innerText();
      expect(row).toContain("410103********");
      expect(row).not.toContain(second);
    } finally {
      await context.close();
    }
  });
});
