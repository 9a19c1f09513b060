import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { chooseOption as choose, launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** The date `offset` days from today, YYYY-MM-DD (the meeting was yesterday; the item is due in a month). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const title = `丰乐社区助餐联席会议（浏览器测试 ${Date.now().toString(36)}）`;

describe("joint meeting", () => {
  it("[STREET][ORG][MEETINGS] a resolution's action item goes from the meeting to the organization and back to acceptance", async () => {
    const street = await newPage(browser, inject("baseUrl"));
    let itemUrl = "";
    try {
      const page = street.page;
      await signInThroughPage(page, "demo-street");
      await page.getByRole("menuitem", { name: "联席会议" }).click();
      await page.waitForURL((url) => url.pathname === "/meetings");
      await page.getByRole("button", { name: "召集会议" }).click();
      const drawer = page.getByRole("dialog");
      await drawer.getByLabel("会议名称").fill(title);
      await drawer.getByLabel("时间", { exact: true }).fill(`${day(-1)}T09:30`);
      await drawer.getByLabel("结束时间").fill(`${day(-1)}T11:30`);
      await choose(page, drawer.locator(".ant-form-item", { hasText: "社区场所" }).last().locator(".ant-select"), "（演示）");
      await choose(page, drawer.locator(".ant-form-item", { hasText: "邀请人员" }).locator(".ant-select"), "丰乐社区居委会（演示）");
      await page.keyboard.press("Escape");
      await choose(page, drawer.locator(".ant-form-item", { hasText: "邀请社会组织" }).locator(".ant-select"), "");
      await page.keyboard.press("Escape");
      // no agenda row until one is added (a meeting may be convened without an agenda)
      expect(await drawer.getByPlaceholder("议题").count()).toBe(0);
      await drawer.getByRole("button", { name: "添加议题" }).click();
      await drawer.getByPlaceholder("议题").fill("高龄老人助餐");
      await drawer.getByRole("button", { name: "创建会议" }).click();
      await page.waitForURL((url) => /^\/meetings\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByText("社工服务中心").first().waitFor();
      await page.getByRole("button", { name: "标记为已召开" }).click();
      await page.getByRole("button", { name: "记录决议" }).first().click();
      const modal = page.getByRole("dialog").filter({ hasText: "决议内容" });
      await modal.getByLabel("决议内容").fill("北区增设老年助餐点");
      await modal.getByRole("button", { name: "添加督办事项" }).click();
      // the owner list follows the unit: the organization's people only once it is chosen
      await choose(page, modal.locator(".ant-select", { hasText: "责任单位" }), "社工服务中心");
      await choose(page, modal.locator(".ant-select", { hasText: "责任人" }), "社工服务中心工作人员（演示）");
      await modal.getByLabel("办结期限").fill(day(30));
      await modal.getByPlaceholder("预期成果").fill("助餐点选址方案");
      await modal.getByRole("button", { name: /确\s*定|OK/ }).click();
      await page.getByRole("link", { name: "助餐点选址方案", exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/action-items/"));
      itemUrl = new URL(page.url()).pathname;
    } finally {
      await street.context.close();
    }

    const org = await newPage(browser, inject("baseUrl"));
    try {
      const page = org.page;
      await signInThroughPage(page, "demo-org");
      await page.getByRole("menuitem", { name: "督办事项" }).click();
      await page.getByRole("link", { name: "助餐点选址方案", exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === itemUrl);
      await page.getByLabel(/进展情况/).fill("已踏勘两处场地，形成选址方案");
      await page.getByRole("button", { name: "提交进展" }).click();
      await page.getByText("已踏勘两处场地，形成选址方案").waitFor();
      await page.getByRole("button", { name: "报办结" }).click();
      const report = page.getByRole("dialog").filter({ hasText: "办结说明" });
      await report.getByLabel("办结说明").fill("选址方案已报街道\n两处场地均可用");
      await report.getByRole("button", { name: "确认报办结" }).click();
      await page.locator(".ant-tag", { hasText: "待验收" }).waitFor();
      await page.getByText("两处场地均可用").first().waitFor();
    } finally {
      await org.context.close();
    }

    const back = await newPage(browser, inject("baseUrl"));
    try {
      const page = back.page;
      await signInThroughPage(page, "demo-street");
      await page.goto(itemUrl);
      // the completion note is kept and shown to the convener
      await page.getByText("选址方案已报街道").first().waitFor();
      await page.getByRole("button", { name: "验收通过" }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "验收通过" }).click();
      await page.locator(".ant-tag", { hasText: "已验收" }).waitFor();
    } finally {
      await back.context.close();
    }
  });
});
