import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import type { AnnouncementSentPage } from "@sanshe/contracts";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";
import { downloadListXlsx, expectListTotal, sortByHeader } from "../fixtures/tables.js";

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

describe("the street official's meeting lists", () => {
  it("[STREET][MEETINGS] the meetings list sorts by start through the server, shows its total and hides a column", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await page.goto("/meetings");
      await expectListTotal(page);
      await sortByHeader(page, "/api/v1/meetings?", "时间", "starts_at");
      await sortByHeader(page, "/api/v1/meetings?", "时间", "-starts_at");

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
      await expectListTotal(page);
      await sortByHeader(page, "/api/v1/action-items?", "状态", "status");

      const { href, rows } = await downloadListXlsx(page, context, inject("baseUrl"), "action-items");
      expect(href).toContain("role=convener");
      expect(href).toContain("sort=status");
      expect(rows[0]?.slice(0, 5)).toEqual(["期限", "状态", "逾期", "预期成果", "责任单位"]);
      expect(rows.length).toBeGreaterThan(1);
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
      await expectListTotal(page);
      expect(await page.getByTestId("list-total").textContent()).toBe(`共 ${announcement?.recipients ?? 0} 条`);
      await sortByHeader(page, `/api/v1/announcements/${announcement?.id ?? ""}/receipts?`, "阅读时间", "read_at");
    } finally {
      await context.close();
    }
  });
});
