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

describe("casework", () => {
  it("[WORKER][CASES] a social worker opens a case in service, sees the confidentiality notice and records a session", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-worker");
      await page.getByRole("menuitem", { name: /个案/ }).click();
      await page.waitForURL((url) => url.pathname === "/cases");
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
      const row = page.locator(".ant-table-tbody tr.ant-table-row", { hasText: "服务中" }).first();
      await row.locator("a").click();
      await page.waitForURL((url) => url.pathname.startsWith("/cases/"));
      await page.getByText("查看记录已留痕").waitFor();
      await page.getByRole("tab", { name: "服务记录" }).click();
      const rows = page.getByRole("tabpanel", { name: "服务记录" }).locator(".ant-table-tbody tr.ant-table-row");
      await rows.first().waitFor();
      const before = await rows.count();
      await page.getByRole("textbox", { name: "服务记录" }).fill("电话回访，案主情况稳定（演示）");
      await page.getByRole("button", { name: "添加服务记录" }).click();
      await expect.poll(() => rows.count()).toBe(before + 1);
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/case-sessions.png` });
      }
    } finally {
      await context.close();
    }
  });

  it("[COMMUNITY][CASES] community staff read their community's cases without editing", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-community");
      await page.goto("/cases");
      await page.locator(".ant-table-tbody tr a").first().click();
      await page.getByText("查看记录已留痕").waitFor();
      await page.getByText("只有负责社工可以修改").waitFor();
      expect(await page.getByRole("button", { name: /进入下一阶段/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
