import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { idNumberCheckCharacter } from "@sanshe/contracts";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

/** A full-page screenshot when E2E_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) {
    await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
  }
}

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

const header = "姓名,身份证号,手机号,社区代码,地址,人群类别";

describe("resident import", () => {
  it("[COMMUNITY][IMPORTS] community staff import a residents file, watch it being checked, read the report of its three bad rows (value and allowed values), fix it, import, and find a resident", async () => {
    const good = idNumber("19800203", "913");
    const second = idNumber("19750611", "924");
    const third = idNumber("19920918", "935");
    const wrongCheck = third.slice(0, 17) + (third.endsWith("0") ? "1" : "0");
    // Enough well-formed rows that the check takes a while: the progress bar shows 校验中 with numbers.
    // This file is never imported (the fixed one below is), so these rows are only checked.
    const filler = Array.from(
      { length: 240 },
      (_, index) => `进度测试${index},${idNumber("19600101", String(300 + index))},,410105007002,丰乐路${index}号,`,
    );
    const broken = [
      header,
      `导入测试甲,${good},13800001111,410105007002,丰乐路1号,独居老人`,
      "导入测试乙,410103750611924,13800002222,410105007002,丰乐路2号,",
      `导入测试丙,${wrongCheck},13800003333,410105007002,丰乐路3号,`,
      `导入测试丁,${idNumber("19880808", "946")},13800004444,410105007002,丰乐路4号,不存在的人群`,
      ...filler,
    ].join("\r\n");
    const fixed = [
      header,
      `导入测试甲,${good},13800001111,410105007002,丰乐路1号,独居老人`,
      `导入测试乙,${second},13800002222,410105007002,丰乐路2号,`,
      `导入测试丙,${third},13800003333,410105007002,丰乐路3号,低保低收入`,
    ].join("\r\n");

    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-community");
      await page.goto("/imports");
      await page.locator("label.ant-radio-button-wrapper", { hasText: "居民" }).click();
      await page.getByRole("button", { name: /下一步/ }).click();

      await page.locator('input[type="file"]').setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
      const progress = page.getByTestId("import-progress");
      await progress.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("import-progress-phase").innerText()).toBe("校验中");
      expect(await page.getByTestId("import-progress-counts").innerText()).toMatch(/^\d+ \/ 244 行$/);
      expect(await progress.getByRole("progressbar").count()).toBe(1);
      await shot(page, "imports-checking");
      await page.getByText("3 行有错误").first().waitFor({ timeout: 60_000 });
      const errors = page.getByTestId("import-errors");
      const report = await errors.innerText();
      // Explanations, the bad values (ID numbers masked) and what is allowed; never a raw code.
      expect(report).not.toContain("ID_NUMBER_LEGACY");
      expect(report).not.toContain("INVALID_ID_NUMBER");
      expect(report).not.toContain("UNKNOWN_GROUP");
      const groupRow = errors.locator("tr", { hasText: "不存在的人群" });
      expect(await groupRow.innerText()).toContain("人群类别");
      expect(await groupRow.innerText()).toContain("独居老人、残疾人");
      expect(report).toContain("410103*****");
      expect(report).not.toContain(wrongCheck);
      expect(await page.getByRole("button", { name: "全部导入" }).isDisabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, "imports-report");

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
