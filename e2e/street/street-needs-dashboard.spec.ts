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

describe("needs dashboard", () => {
  it("[STREET][NEEDS] a street official reads the dashboard, sees the closed needs and drills down to a community and back", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await page.goto("/needs/dashboard");
      await page.getByRole("heading", { name: "需求看板" }).waitFor();
      // The demo world closes five needs in 南阳新村街道; each shows in the recent closures.
      const closures = page.getByTestId("recent-closures");
      await closures.locator("tbody tr.ant-table-row").first().waitFor();
      expect(await closures.locator("tbody tr.ant-table-row").count()).toBeGreaterThanOrEqual(5);
      expect(await closures.innerText()).toContain("（演示）");

      // Drill down: a community row sets ?area= and the breadcrumb leads back up.
      await page.getByRole("link", { name: "丰乐社区居民委员会" }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("area")).toBe("410105007002");
      await page.locator(".ant-breadcrumb").getByRole("link", { name: "南阳新村街道" }).waitFor();
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get("area")).toBeNull();

      const status = await page.evaluate(async () => (await fetch("/api/v1/needs/dashboard?area=410105001")).status);
      expect(status).toBe(404);
    } finally {
      await context.close();
    }
  });
});
