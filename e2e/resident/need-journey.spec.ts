import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { devices, type Browser, type Page } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";
import { serveReferral } from "../fixtures/journeys.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
  }
}

/** Opens the newest of "my needs" on the resident page and returns its panel. */
async function openNewestNeed(page: Page, description: string) {
  await page.goto("/report");
  const header = page.locator(".ant-collapse-item").first().locator(".ant-collapse-header");
  await header.waitFor();
  await header.click();
  const panel = page.locator(".ant-collapse-item").first();
  await panel.getByText(description).waitFor();
  return panel;
}

describe("the need loop", () => {
  it("[RESIDENT][ORG][STREET][NEEDS] a resident reports on a phone, the organization serves, the resident closes it, the street sees it", async () => {
    const description = `E2E ${Date.now()}：母亲独居，希望每周有人上门送餐`;

    // 1. The resident reports a need on a phone-sized screen.
    const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: inject("baseUrl"), locale: "zh-CN" });
    const residentPage = await phone.newPage();
    try {
      await signInThroughPage(residentPage, "demo-resident");
      await residentPage.goto("/report");
      const category = residentPage.getByLabel("类别");
      await category.click();
      await category.fill("养老");
      await residentPage.locator(".ant-select-item-option").filter({ hasText: "养老照护" }).first().click();
      await residentPage.getByLabel("需求描述").fill(description);
      await residentPage.getByRole("button", { name: /提\s*交/ }).click();
      await residentPage.getByText(/已提交，已分派给服务方|同类别的需求正在办理中/).waitFor();
      const width = await residentPage.evaluate<number>("document.documentElement.scrollWidth");
      expect(width).toBeLessThanOrEqual(412);
      await openNewestNeed(residentPage, description);
      await shot(residentPage, "journey-1-reported");
    } finally {
      await phone.close();
    }

    // 2. The social organization the street's rules chose accepts, records service and completes it.
    const org = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(org.page, "demo-org");
      await serveReferral(org.page, description);
      await shot(org.page, "journey-2-completed");
    } finally {
      await org.context.close();
    }

    // 3. The resident confirms it was solved and rates it.
    const phoneAgain = await browser.newContext({ ...devices["Pixel 7"], baseURL: inject("baseUrl"), locale: "zh-CN" });
    const again = await phoneAgain.newPage();
    try {
      await signInThroughPage(again, "demo-resident");
      const panel = await openNewestNeed(again, description);
      await panel.getByText("服务已完成，请确认").waitFor();
      await panel.getByText("已解决").click();
      // No stars preselected: the resident must choose; submitting without a rating says so.
      await panel.getByRole("button", { name: /提交确认/ }).click();
      await panel.getByText("请为本次服务打分（1–5 星）").waitFor();
      await panel.locator(".ant-rate-star").nth(4).click();
      await panel.getByLabel("评价").fill("送餐很及时，谢谢");
      await panel.getByRole("button", { name: /提交确认/ }).click();
      await again.getByText("感谢您的确认，这条需求已办结。").waitFor();
      await panel.getByText("已办结").first().waitFor();
      await shot(again, "journey-3-confirmed");
    } finally {
      await phoneAgain.close();
    }

    // 4. The street official sees the closed need on the dashboard.
    const street = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(street.page, "demo-street");
      await street.page.goto("/needs/dashboard");
      const closures = street.page.getByTestId("recent-closures");
      await closures.getByText(description).waitFor();
      await shot(street.page, "journey-4-dashboard");
    } finally {
      await street.context.close();
    }
  });
});
