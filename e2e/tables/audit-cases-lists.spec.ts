import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";
import { downloadListXlsx, expectListTotal, hideColumn, sortByHeader, tableRows } from "../fixtures/tables.js";

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

describe("audit log and cases lists", () => {
  it("[AUDITOR][AUDIT] sorts the log by time, shows the total, hides a column and filters on 上月 through the URL", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-auditor");
      await page.goto("/audit");
      await expectListTotal(page);

      await sortByHeader(page, "/api/v1/audit-log?", "时间", "at");
      await sortByHeader(page, "/api/v1/audit-log?", "时间", "-at");
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
      await expectListTotal(page);

      await sortByHeader(page, "/api/v1/cases?", "开案日期", "opened_on");
      const names = await tableRows(page).locator("td:first-child a").allTextContents();
      expect(names.length).toBeGreaterThan(0);
      await hideColumn(page, "风险等级");

      const { href, rows } = await downloadListXlsx(page, context, inject("baseUrl"), "cases");
      expect(href).toContain("sort=opened_on");
      expect(rows[0]).toEqual(["开案日期", "社区代码", "服务对象（脱敏）", "负责社工", "阶段", "风险等级", "结案日期", "最近更新"]);
      const exported = rows.slice(1).map((row) => row[2] ?? "");
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
