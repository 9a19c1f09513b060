import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import type { AnnouncementSentPage } from "@sanshe/contracts";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

/**
 * The street official's meeting lists behave like a spreadsheet (issue #17): the meetings list, the
 * action items (督办事项) of the meetings they convened and an announcement's read receipts sort through
 * the server (sort= in the request and in the URL) and show their total; a column can be hidden; the
 * action items download as an XLSX with a Chinese header row.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** Waits for the list's total ("共 N 条") and its first row. */
async function expectTotal(page: Page): Promise<void> {
  const total = page.getByTestId("list-total");
  await total.waitFor();
  expect(await total.textContent()).toMatch(/^共 [\d,]+\+? 条$/);
  await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
}

/** Clicks a sortable header and waits for the server's answer under `sort` and for the URL to carry it. */
async function clickSort(page: Page, api: string, header: string, sort: string): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.url().includes(api) && response.url().includes(`sort=${encodeURIComponent(sort)}`),
  );
  await page.locator("th.ant-table-column-has-sorters").filter({ hasText: header }).first().click();
  expect((await answered).status()).toBe(200);
  await page.waitForURL((url) => url.searchParams.get("sort") === sort);
}

describe("the street official's meeting lists", () => {
  it("[STREET][MEETINGS] the meetings list sorts by start through the server, shows its total and hides a column", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await page.goto("/meetings");
      await expectTotal(page);
      await clickSort(page, "/api/v1/meetings?", "时间", "starts_at");
      await clickSort(page, "/api/v1/meetings?", "时间", "-starts_at");

      const convenerHeader = page.locator(".ant-table-thead th").filter({ hasText: "召集人" });
      expect(await convenerHeader.count()).toBe(1);
      await page.getByTestId("column-chooser").click();
      await page.locator(".ant-popover .ant-checkbox-wrapper").filter({ hasText: "召集人" }).click();
      await convenerHeader.waitFor({ state: "detached" });
      await page.keyboard.press("Escape");
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("[STREET][ACTION-ITEMS] the action items of convened meetings sort by status, show their total and download as XLSX with a Chinese header", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await page.goto("/action-items?role=convener");
      await expectTotal(page);
      await clickSort(page, "/api/v1/action-items?", "状态", "status");

      await page.getByTestId("export-button").click();
      const link = page.getByTestId("export-xlsx");
      await link.waitFor();
      const href = (await link.getAttribute("href")) ?? "";
      expect(href).toContain("/api/v1/exports/action-items");
      expect(href).toContain("role=convener");
      expect(href).toContain("sort=status");
      const download = page.waitForEvent("download");
      await link.click();
      expect((await download).suggestedFilename()).toMatch(/^action-items-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const file = await context.request.get(new URL(href, inject("baseUrl")).toString());
      expect(file.status()).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file.body()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      const header = ((sheet?.getRow(1).values ?? []) as unknown[]).filter((value) => typeof value === "string");
      expect(header.slice(0, 5)).toEqual(["期限", "状态", "逾期", "预期成果", "责任单位"]);
      expect(sheet?.rowCount ?? 0).toBeGreaterThan(1);
      await page.keyboard.press("Escape");
    } finally {
      await context.close();
    }
  });

  it("[STREET][ANNOUNCEMENTS] an announcement's read receipts sort by reading time and show their total", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      const sent = (await (await context.request.get("/api/v1/announcements/sent?limit=50")).json()) as AnnouncementSentPage;
      const announcement = sent.items.find((item) => item.recipients > 1);
      expect(announcement).toBeDefined();
      await page.goto(`/announcements/${announcement?.id ?? ""}`);
      await expectTotal(page);
      expect(await page.getByTestId("list-total").textContent()).toBe(`共 ${announcement?.recipients ?? 0} 条`);
      await clickSort(page, `/api/v1/announcements/${announcement?.id ?? ""}/receipts?`, "阅读时间", "read_at");
    } finally {
      await context.close();
    }
  });
});
