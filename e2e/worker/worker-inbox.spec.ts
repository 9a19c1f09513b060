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

describe("social worker inbox", () => {
  it("[WORKER][NEEDS] a social worker finds a referral by its description, opens a case from it and follows the link back", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-worker");
      await page.getByRole("menuitem", { name: /转介待办/ }).click();
      await page.waitForURL((url) => url.pathname === "/referrals");
      // The demo seed routes 南阳新村街道's counseling to demo-worker; number 2 is accepted, without a case.
      const row = page.locator(".ant-table-tbody tr.ant-table-row", { hasText: "社工个人转介 2" });
      await row.waitFor();
      await row.getByText("已接单").waitFor();
      expect(await page.locator(".ant-table-tbody tr.ant-table-row", { hasText: "社工个人转介 1" }).getByText("待接单").count()).toBe(1);
      if (process.env.E2E_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/worker-inbox.png` });
      }
      await row.getByRole("button", { name: /^开\s?案$/ }).click();
      const dialog = page.getByRole("dialog", { name: "从转介开案" });
      await dialog.waitFor();
      expect(await dialog.getByRole("textbox", { name: "主诉问题" }).inputValue()).toContain("社工个人转介 2");
      // The modal has finished opening (a click during its zoom-in can miss the button).
      await page.locator(".ant-zoom-appear, .ant-zoom-enter").waitFor({ state: "detached" });
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === "POST" && /\/referrals\/[^/]+\/case$/.test(response.url())),
        dialog.getByRole("button", { name: /^开\s?案$/ }).click(),
      ]).catch(async (error: unknown) => {
        throw new Error(`no case request was sent: ${String(error)}\ndialog: ${await dialog.innerText().catch(() => "(gone)")}`);
      });
      expect(answer.status(), await answer.text()).toBe(201);
      await page
        .waitForURL((url) => url.pathname.startsWith("/cases/"), { timeout: 5000 })
        .catch(async () => {
          throw new Error(`still at ${page.url()}; dialog: ${await dialog.innerText().catch(() => "(gone)")}`);
        });
      await page.getByText("查看记录已留痕").waitFor();
      await page.getByRole("link", { name: "查看转介来的需求" }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/needs/"));
      await page.locator(".ant-descriptions").getByText("社工个人转介 2").first().waitFor();
      await page.goto("/referrals");
      const opened = page.locator(".ant-table-tbody tr.ant-table-row", { hasText: "社工个人转介 2" });
      await opened.getByRole("link", { name: /个案/ }).waitFor();
      expect(await opened.getByRole("button", { name: /^开\s?案$/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
