import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, revealWithPurpose, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("residents", () => {
  it("[COMMUNITY][RESIDENTS] community staff see residents masked and show one in full for a stated purpose", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-community");
      await page.locator('li.ant-menu-item[data-menu-id$="-residents"]').click();
      await page.waitForURL((url) => url.pathname === "/residents");
      const firstId = page.locator(".ant-table-tbody code").first();
      await firstId.waitFor();
      expect(await firstId.textContent()).toMatch(/^410105\*{8}[\dX]{4}$/);
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/residents-list.png` });
      }

      await page.locator(".ant-table-tbody .ant-btn-link").first().click();
      await page.getByRole("button", { name: "查看完整信息" }).click();
      const modal = page.locator(".ant-modal");
      await revealWithPurpose(modal, "核实低保申请材料");
      const full = modal.locator(".ant-descriptions-item-content").first();
      await expect.poll(async () => (await full.textContent()) ?? "").toMatch(/^410105\d{11}[\dX]/);
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/residents-unmasked.png` });
      }
    } finally {
      await context.close();
    }
  });

  it("[WORKER][RESIDENTS] a social worker reads residents without the show-full action", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-worker");
      await page.goto("/residents");
      await page.locator(".ant-table-tbody .ant-btn-link").first().click();
      await page.locator(".ant-drawer .ant-descriptions").waitFor();
      expect(await page.getByRole("button", { name: "查看完整信息" }).count()).toBe(0);
      const status = await page.evaluate(async () => {
        const list = (await (await fetch("/api/v1/residents?limit=1")).json()) as { items: Array<{ id: string }> };
        const response = await fetch(`/api/v1/residents/${list.items[0]?.id ?? ""}/unmask`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ fields: ["id_number"], purpose: "试探" }),
        });
        return response.status;
      });
      expect(status).toBe(403);
    } finally {
      await context.close();
    }
  });
});
