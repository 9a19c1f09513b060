import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** Where screenshots go when SANSHE_E2E_SHOTS names a directory (for reviewing the pages by eye). */
const shots = process.env.SANSHE_E2E_SHOTS;

/** A one-page PDF receipt. */
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("the community's ledger and the funding structure", () => {
  it("[COMMUNITY][LEDGER] 丰乐社区 records spending with a receipt and sees it with its balance", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-community");
      await page.getByRole("menuitem", { name: "资金台账" }).click();
      await page.waitForURL((url) => url.pathname === "/funding-ledger");
      await page.getByRole("row").filter({ hasText: "区财政社区服务经费补贴（演示）" }).first().waitFor();
      await page.getByRole("button", { name: "记一笔收支" }).click();
      const drawer = page.getByRole("dialog");
      await drawer.getByText("支出", { exact: true }).click();
      await drawer.getByLabel("支出用途").click();
      await page.locator(".ant-select-dropdown").getByText("活动", { exact: true }).click();
      await drawer.getByLabel("金额（元）").fill("1234.5");
      await drawer.getByLabel("到账日期").fill("2026-01-15");
      await drawer.getByLabel("说明").fill("重阳节敬老活动物资（端到端）");
      await drawer.getByLabel("关联事项").fill("重阳节敬老活动");
      await drawer.getByRole("button", { name: /^登\s?记$/ }).click();
      const row = page.getByRole("row").filter({ hasText: "重阳节敬老活动物资（端到端）" });
      await row.getByText("−¥1,234.50").waitFor();
      await row.getByText("活动", { exact: true }).waitFor();
      await row.getByRole("button", { name: "查看附件" }).click();
      const files = page.getByRole("dialog");
      await files.locator("input[type=file]").setInputFiles({ name: "发票.pdf", mimeType: "application/pdf", buffer: pdf });
      await files.getByRole("link", { name: "发票.pdf" }).waitFor();
      await files.getByRole("button", { name: "Close" }).or(files.getByLabel("Close")).first().click();
      await page.getByText("各主体年度收支", { exact: false }).waitFor();
      if (shots) {
        await page.screenshot({ path: `${shots}/ledger-community.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });

  it("[DISTRICT][LEDGER] 金水区 sees figures 3-4 and 3-5", async () => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-district");
      await page.goto("/funding-ledger");
      await page.getByRole("row").filter({ hasText: "社区" }).first().waitFor();
      if (shots) {
        await page.screenshot({ path: `${shots}/ledger-district.png`, fullPage: true });
      }
      await page.getByRole("button", { name: "资金结构" }).click();
      await page.waitForURL((url) => url.pathname === "/funding-ledger/structure");
      await page.getByRole("img", { name: "社区服务经费来源构成" }).waitFor();
      await page.getByRole("img", { name: "社会组织主要资金来源（按组织数）" }).waitFor();
      await page.getByRole("cell", { name: "政府补贴" }).first().waitFor();
      if (shots) {
        await page.waitForTimeout(800);
        await page.screenshot({ path: `${shots}/ledger-structure.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
