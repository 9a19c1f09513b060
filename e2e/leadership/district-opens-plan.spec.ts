import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("leadership", () => {
  it("[DISTRICT][LEADERSHIP] the district opens its 2026 plan and sees its targets with values, statuses and owners", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-district");
      await page.goto("/plans");
      await page.getByRole("link", { name: "金水区2026年社区减负增效实施方案" }).click();
      await page.getByRole("heading", { name: "金水区2026年社区减负增效实施方案" }).waitFor();
      const rows = page.locator(".ant-table-tbody tr.ant-table-row");
      await expect.poll(() => rows.count()).toBe(5);
      const text = (await page.locator(".ant-table-tbody").textContent()) ?? "";
      for (const expected of [
        "行政事务工作时长占比",
        "每千名居民配备持证社工2名",
        "三室两栏一站",
        "≤ 30%",
        "≥ 2‰",
        "≥ 90%",
        "已逾期",
        "金水区大数据管理局",
      ]) {
        expect(text).toContain(expected);
      }
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/leadership-plan.png`, fullPage: true });
      }
      await page.goto("/leadership-groups");
      await page.getByText("南阳新村街道社区减负工作领导小组").waitFor();
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/leadership-groups.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
