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

describe("jurisdiction browser", () => {
  it("[STREET][AREAS] a street official sees only 南阳新村街道's communities, then switches to English", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      await expect.poll(() => page.getByTestId("header-jurisdiction").first().textContent()).toContain("南阳新村街道");

      await page.goto("/areas");
      const tree = page.getByTestId("area-tree");
      await tree.getByText("南阳新村街道").first().waitFor();
      // Expand the street: its 12 communities load from the API.
      await tree.locator(".ant-tree-switcher").first().click();
      await tree.getByText("丰乐社区居民委员会").waitFor();
      const titles = await tree.locator(".ant-tree-title").allTextContents();
      const communities = titles.filter((title) => title.includes("社区") || title.includes("委员会"));
      expect(communities.length).toBe(12);
      // Nothing from a sibling street or another district is listed.
      const page1 = titles.join("|");
      expect(page1).not.toContain("经八路街道");
      expect(page1).not.toContain("淮河路街道");
      expect(page1).not.toContain("金水区");

      // Searching in Chinese stays inside the scope.
      await page.getByRole("searchbox").fill("丰乐");
      await page.keyboard.press("Enter");
      await page.getByText("丰乐社区居民委员会").first().waitFor();

      await page.getByTestId("locale-switch").click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      await expect.poll(async () => (await page.locator("body").innerText()).includes("Jurisdiction")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("[STREET][AREAS] an out-of-scope area is not found in the browser either", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-street");
      const status = await page.evaluate(async () => (await fetch("/api/v1/areas/410105001")).status);
      expect(status).toBe(404);
    } finally {
      await context.close();
    }
  });
});
