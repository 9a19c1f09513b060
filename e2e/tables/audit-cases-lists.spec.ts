import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

/**
 * The audit log and the cases list behave like a spreadsheet (issue #17): a header sorts through the
 * server (sort= in the URL), the total shows, a column can be hidden, the cases summary downloads as
 * XLSX with Chinese headers and masked names, and a date-range filter offers 上月 and keeps the range
 * in the URL.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const rows = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row");

/** Clicks a sortable header and waits for the server's answer under `sort` and for the URL to carry it. */
async function sortBy(page: Page, header: string, api: string, sort: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().includes(api) && response.url().includes(`sort=${sort}`));
  await page.locator("th.ant-table-column-has-sorters").filter({ hasText: header }).first().click();
  expect((await answered).status()).toBe(200);
  await page.waitForURL((url) => url.searchParams.get("sort") === sort);
}

/** Unticks a column in the column chooser and checks that its header is gone. */
async function hideColumn(page: Page, header: string): Promise<void> {
  await page.getByTestId("column-chooser").click();
  await page.locator(".ant-popover").getByRole("checkbox", { name: header, exact: true }).uncheck();
  await page.keyboard.press("Escape");
  await expect
    .poll(() =>
      page
        .locator("th")
        .filter({ hasText: new RegExp(`^${header}$`) })
        .count(),
    )
    .toBe(0);
}

describe("audit log and cases lists", () => {
  it("[AUDITOR][AUDIT] sorts the log by time, shows the total, hides a column and filters on 上月 through the URL", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-auditor");
      await page.goto("/audit");
      const total = page.getByTestId("list-total");
      await total.waitFor();
      expect(await total.textContent()).toMatch(/^共 [\d,]+\+? 条$/);
      await rows(page).first().waitFor();

      await sortBy(page, "时间", "/api/v1/audit-log?", "at");
      await sortBy(page, "时间", "/api/v1/audit-log?", "-at");
      await hideColumn(page, "IP");

      await page.getByLabel("日期（北京时间）").click();
      await page.locator(".ant-picker-presets li").filter({ hasText: "上月" }).click();
      await page.getByRole("button", { name: /查\s*询/ }).click();
      await page.waitForURL((url) => url.searchParams.has("from_day") && url.searchParams.has("to_day"));
      const url = new URL(page.url());
      const expected = await page.evaluate(() => {
        const today = new Date();
        const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
        const last = new Date(today.getFullYear(), today.getMonth(), 0);
        const day = (date: Date) =>
          `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
        return { from: day(first), to: day(last) };
      });
      expect({ from: url.searchParams.get("from_day"), to: url.searchParams.get("to_day"), sort: url.searchParams.get("sort") }).toEqual({
        ...expected,
        sort: "-at",
      });
    } finally {
      await context.close();
    }
  });

  it("[WORKER][CASES] sorts the cases by opening, shows the total, hides a column and downloads a masked XLSX summary", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-worker");
      await page.goto("/cases");
      const total = page.getByTestId("list-total");
      await total.waitFor();
      expect(await total.textContent()).toMatch(/^共 [\d,]+\+? 条$/);
      await rows(page).first().waitFor();

      await sortBy(page, "开案日期", "/api/v1/cases?", "opened_on");
      const names = await rows(page).locator("td:first-child a").allTextContents();
      expect(names.length).toBeGreaterThan(0);
      await hideColumn(page, "风险等级");

      await page.getByTestId("export-button").click();
      const link = page.getByTestId("export-xlsx");
      await link.waitFor();
      const href = (await link.getAttribute("href")) ?? "";
      expect(href).toContain("/api/v1/exports/cases");
      expect(href).toContain("sort=opened_on");
      const file = await context.request.get(new URL(href, inject("baseUrl")).toString());
      expect(file.status()).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file.body()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      const cells = (row: number) =>
        Array.from({ length: sheet.columnCount }, (_unused, index) => sheet.getRow(row).getCell(index + 1).text);
      expect(cells(1)).toEqual(["开案日期", "社区代码", "服务对象（脱敏）", "负责社工", "阶段", "风险等级", "结案日期", "最近更新"]);
      const exported = Array.from({ length: sheet.rowCount - 1 }, (_unused, index) => cells(index + 2)[2] ?? "");
      expect(exported.length).toBe(names.length);
      for (const [index, name] of names.entries()) {
        expect(exported[index]).toMatch(/\*/);
        expect(exported[index]?.[0]).toBe(name[0]);
        expect(exported).not.toContain(name);
      }
      await page.keyboard.press("Escape");
    } finally {
      await context.close();
    }
  });
});
