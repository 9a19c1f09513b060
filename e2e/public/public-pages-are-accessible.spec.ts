import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("accessibility", () => {
  it("[PUBLIC][A11Y] the login page and the public organization directory have no serious WCAG 2.1 AA violations", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await page.goto("/login");
      await page.getByLabel(/账号/).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto("/public/social-orgs");
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("[STREET][A11Y] the console's jurisdiction page has no serious WCAG 2.1 AA violations", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await page.goto("/areas");
      await page.getByTestId("area-tree").getByText("南阳新村街道").first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
