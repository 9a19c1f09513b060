import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { chooseOption, launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("announcements", () => {
  it("[STREET][ANNOUNCEMENTS] the street publishes to the agency with a file, the agency sees it unread and opens it, the street sees it read", async () => {
    const title = `联席会议通知 ${Date.now()}`;
    const street = await newPage(browser, inject("baseUrl"));
    const org = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(street.page, "demo-street");
      await street.page.goto("/announcements/new");
      await street.page.getByTestId("announcement-title-input").fill(title);
      await street.page.getByTestId("announcement-body-input").fill("本周五下午召开联席会议，请准时参加。");
      const organizations = street.page.locator(".ant-form-item", { hasText: "社会组织" }).locator(".ant-select");
      await chooseOption(street.page, organizations, "丰乐社工服务中心");
      await street.page.keyboard.press("Escape");
      await street.page.locator("input[type=file]").setInputFiles({
        name: "议程.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
      });
      await street.page.getByTestId("announcement-submit").click();
      await street.page
        .locator(".ant-modal-confirm")
        .getByRole("button", { name: /发\s*布/ })
        .click();
      await street.page.getByTestId("announcement-read-count").waitFor();
      expect(await street.page.getByTestId("announcement-read-count").textContent()).toBe("0");
      await street.page.getByRole("link", { name: "附件-1.pdf" }).waitFor();
      const url = street.page.url();

      await signInThroughPage(org.page, "demo-org");
      await org.page.goto("/announcements");
      const item = org.page.getByTestId("announcement").filter({ hasText: title });
      await item.waitFor();
      expect(await item.locator(".ant-badge-status-error").count()).toBe(1);
      await item.getByRole("link", { name: title }).click();
      await expect.poll(() => org.page.getByTestId("announcement-title").textContent()).toBe(title);
      const download = await org.page.request.get(
        (await org.page.getByRole("link", { name: "附件-1.pdf" }).getAttribute("href")) as string,
      );
      expect([download.status(), download.headers()["content-type"]]).toEqual([200, "application/pdf"]);

      await street.page.goto(url);
      await expect.poll(() => street.page.getByTestId("announcement-read-count").textContent()).toBe("1");
      expect(await street.page.getByTestId("announcement-unread").innerText()).not.toContain("社工服务中心工作人员");
    } finally {
      await street.context.close();
      await org.context.close();
    }
  });
});
