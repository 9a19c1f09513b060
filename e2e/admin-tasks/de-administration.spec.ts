import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chooseOption, launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

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

/** Today's date in Beijing, YYYY-MM-DD: the task starts today so its funding is credited at once. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const title = `丰乐社区消防安全检查台账（浏览器测试 ${Date.now().toString(36)}）`;

/** The funding per community the department brings: ¥5,000.00. */
const funding = "¥5,000.00";

/** The target row of 丰乐社区 on the task page shows the money credited to its ledger (费随事转). */
async function waitForCredit(page: Page): Promise<void> {
  const row = page.getByRole("row").filter({ hasText: "丰乐社区" });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await row.getByText(funding).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 4) {
        throw error;
      }
      await page.reload();
    }
  }
}

describe("de-administration", () => {
  it("[DEPARTMENT][STREET][COMMUNITY][ADMIN-TASKS] a department applies with funding, the street admits it, the community sees it in its queue with the money", async () => {
    let taskPath = "";

    // 1. The department applies to put a funded task on 丰乐社区, starting today.
    const department = await newPage(browser, inject("baseUrl"));
    try {
      const page = department.page;
      await signInThroughPage(page, "demo-department");
      await page.getByRole("menuitem", { name: "事项准入" }).click();
      await page.waitForURL((url) => url.pathname === "/admin-tasks");
      await page.getByRole("button", { name: "申请事项" }).click();
      const drawer = page.getByRole("dialog");
      await drawer.getByLabel("事项名称").fill(title);
      await drawer.getByLabel("法律依据").fill("《中华人民共和国消防法》第三十二条");
      await drawer.getByLabel("承担社区").click();
      await page.keyboard.type("丰乐");
      // Two communities of 金水区 are called 丰乐社区: the demo one is in 南阳新村街道.
      await page
        .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "丰乐社区" })
        .filter({ hasText: "南阳新村街道" })
        .first()
        .click();
      await page.keyboard.press("Escape");
      await drawer.getByLabel("每次工时（小时）").fill("2");
      await drawer.getByLabel("每社区经费（元）").fill("5000");
      await drawer.getByLabel("开始日期").fill(today);
      await drawer.getByRole("button", { name: "提交申请" }).click();
      await page.waitForURL((url) => /^\/admin-tasks\/[0-9a-f-]{36}$/.test(url.pathname));
      taskPath = new URL(page.url()).pathname;
      await page.locator(".ant-tag", { hasText: "待审" }).first().waitFor();
      await page.getByTestId("task-funding").getByText(funding).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, "admin-tasks-1-applied");
    } finally {
      await department.context.close();
    }

    // 2. The street official finds it among the applications to decide and admits it.
    const street = await newPage(browser, inject("baseUrl"));
    try {
      const page = street.page;
      await signInThroughPage(page, "demo-street");
      await page.getByRole("menuitem", { name: "事项准入" }).click();
      await page.getByRole("tab", { name: "待审" }).click();
      await shot(page, "admin-tasks-2-street-list");
      await page.getByRole("link", { name: title }).click();
      await page.waitForURL((url) => url.pathname === taskPath);
      await page.getByRole("button", { name: /^准\s*入$/ }).click();
      const modal = page.getByRole("dialog").filter({ hasText: "审核意见" });
      await modal.getByLabel("审核意见").fill("经费随事转，同意准入（浏览器测试）");
      await modal.getByRole("button", { name: "提交审核" }).click();
      await modal.waitFor({ state: "hidden" });
      await page.locator(".ant-tag", { hasText: "已准入" }).first().waitFor();
      await waitForCredit(page);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, "admin-tasks-2-admitted");
    } finally {
      await street.context.close();
    }

    // 3. The community sees the task in its work queue, and its money on the task; the queue works on a phone.
    const community = await newPage(browser, inject("baseUrl"));
    try {
      const page = community.page;
      await signInThroughPage(page, "demo-community");
      await page.getByRole("menuitem", { name: "社区工作台账" }).click();
      await page.waitForURL((url) => url.pathname === "/community-queue");
      // Earliest due first: show a long page so the new task's occurrence is on it whatever the demo world holds.
      await chooseOption(page, page.locator(".sanshe-pager .ant-select"), "200");
      await page.getByRole("cell", { name: title }).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(taskPath);
      await page.locator(".ant-tag", { hasText: "已准入" }).first().waitFor();
      await waitForCredit(page);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/community-queue");
      await chooseOption(page, page.locator(".sanshe-pager .ant-select"), "200");
      const item = page.getByTestId("occurrence").filter({ hasText: title }).first();
      await item.waitFor();
      const overflow = await page.locator("#main-content").evaluate((main) => main.scrollWidth - main.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      const done = item.getByRole("button", { name: /办\s*结/ });
      await done.scrollIntoViewIfNeeded();
      expect(await done.isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, "admin-tasks-3-queue-phone");

      await done.click();
      const modal = page.getByRole("dialog").filter({ hasText: "实际用时（小时）" });
      await modal.getByLabel("实际用时（小时）").fill("1.5");
      await modal.getByRole("button", { name: "确认办结" }).click();
      await modal.waitFor({ state: "hidden" });
      await page.getByText("已办结").first().waitFor();
    } finally {
      await community.context.close();
    }
  });
});
