import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** WCAG 2.1 A/AA violations of serious or critical impact (GB/T 37668 aligns with WCAG 2.0 AA). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

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
