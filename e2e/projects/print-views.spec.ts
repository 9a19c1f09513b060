import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

/**
 * Print views officials print (issue #17) and areas picked from the jurisdiction tree: the street
 * prints its closed contract, the contract's evaluation and the needs dashboard; on paper (print
 * media) no menu, header or button shows; the district drafts a call picking its area and target
 * area in the tree; the street filters the resident list by a community picked in the tree.
 */

let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS ?? process.env.SANSHE_E2E_SHOTS;
/** A4 is 210 mm wide: 794 CSS pixels. */
const A4_WIDTH_PX = 794;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** The print view the detail page's print link opens (target=_blank), opened in this tab. */
async function openPrintLink(page: Page, name: string | RegExp, path: RegExp): Promise<void> {
  const link = page.getByRole("link", { name });
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(path);
  await page.goto(href);
}

/** On paper: the console's menu and header are absent and the print button is hidden; the sheet shows. */
async function expectPrintedWithoutChrome(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".sanshe-sider:visible, .sanshe-header:visible, .ant-menu:visible").count()).toBe(0);
  expect(await page.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
  expect(await page.locator(".sanshe-print-sheet").isVisible()).toBe(true);
  if (shots) {
    await page.screenshot({ path: `${shots}/print-${name}.png`, fullPage: true });
  }
  await page.emulateMedia({ media: "screen" });
  expect(await seriousViolations(page)).toEqual([]);
}

/** Opens an area tree select and walks it: every name but the last is expanded, the last is chosen. */
async function pickArea(page: Page, select: Locator, path: (string | RegExp)[]): Promise<void> {
  await select.click();
  const tree = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").filter({ has: page.locator(".ant-select-tree") });
  for (const [index, name] of path.entries()) {
    const node = tree.locator(".ant-select-tree-treenode", { has: page.locator(".ant-select-tree-title", { hasText: name }) }).first();
    if (index < path.length - 1) {
      await node.locator(".ant-select-tree-switcher").click();
    } else {
      await node.locator(".ant-select-tree-node-content-wrapper").click();
    }
  }
}

describe("print views and area pickers", () => {
  it(
    "[STREET][CONTRACTS][NEEDS] the street prints its closed contract, the evaluation report and the dashboard",
    { timeout: 180_000 },
    async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        await signInThroughPage(page, "demo-street");
        await page.goto("/contracts");
        await page.getByRole("link", { name: "颐养长者食堂" }).click();
        await page.getByRole("heading", { name: "颐养长者食堂" }).waitFor();
        // The detail page on paper keeps its content but drops the console's menu and header.
        await page.emulateMedia({ media: "print" });
        expect(await page.locator(".sanshe-sider:visible, .sanshe-header:visible").count()).toBe(0);
        await page.emulateMedia({ media: "screen" });
        await page.getByTestId("evaluation").waitFor();
        const evaluationHref = (await page.getByRole("link", { name: /打印评估报告/ }).getAttribute("href")) ?? "";

        await openPrintLink(page, /打印$/, /^\/contracts\/[0-9a-f-]{36}\/print$/);
        await page.getByRole("heading", { name: /政府购买服务合同\s*颐养长者食堂/ }).waitFor();
        // The purchaser by its name and area (loaded after the contract), never by code.
        await page.getByText(/南阳新村街道办事处（南阳新村街道/).waitFor();
        const contract = (await page.locator(".sanshe-print-sheet").textContent()) ?? "";
        for (const expected of [
          "南阳新村街道办事处",
          "甲方（购买方）",
          "乙方（承接方）",
          "玖万陆仟元整",
          "已验收",
          "已拨付合计",
          "（盖章）",
        ]) {
          expect(contract).toContain(expected);
        }
        expect(contract).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/);
        expect(contract).not.toMatch(/410105\d*/);
        await expectPrintedWithoutChrome(page, "contract");

        expect(evaluationHref).toMatch(/^\/contracts\/[0-9a-f-]{36}\/evaluation\/print$/);
        await page.goto(evaluationHref);
        await page.getByRole("heading", { name: /结项评估报告\s*颐养长者食堂/ }).waitFor();
        const report = (await page.locator(".sanshe-print-sheet").textContent()) ?? "";
        for (const expected of ["第三方评估员（演示）", "购买方评分", "服务对象满意度", "第三方评估", "服务人次", "评估方（第三方）"]) {
          expect(report).toContain(expected);
        }
        expect(await page.getByTestId("evaluation-conclusion").textContent()).toMatch(
          /综合得分 \d+\.\d{2} 分，评估等级为“(优秀|良好|合格|不合格)”/,
        );
        await expectPrintedWithoutChrome(page, "evaluation");

        await page.goto("/needs/dashboard");
        await page.getByRole("heading", { name: "需求看板" }).waitFor();
        await openPrintLink(page, /打印$/, /^\/needs\/dashboard\/print/);
        await page.getByRole("heading", { name: /南阳新村街道[\s\S]*需求看板/ }).waitFor();
        const figures = (await page.getByTestId("key-figures").textContent()) ?? "";
        for (const expected of ["未结需求", "超时转介", "办结时长中位数", "居民平均评分"]) {
          expect(figures).toContain(expected);
        }
        const charts = page.locator(".sanshe-print-sheet div[role=img] canvas");
        await expect.poll(() => charts.count()).toBeGreaterThan(0);
        await page.emulateMedia({ media: "print" });
        for (const chart of await page.locator(".sanshe-print-sheet div[role=img]").all()) {
          const width = (await chart.boundingBox())?.width ?? 0;
          expect(width).toBeGreaterThan(0);
          expect(width).toBeLessThanOrEqual(A4_WIDTH_PX);
        }
        await page.emulateMedia({ media: "screen" });
        await expectPrintedWithoutChrome(page, "dashboard");
      } finally {
        await context.close();
      }
    },
  );

  it(
    "[DISTRICT][CALLS] the district drafts a call for a street, picking the area and a target community in the tree",
    { timeout: 120_000 },
    async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        await signInThroughPage(page, "demo-district");
        await page.goto("/calls/new");
        await page.getByRole("heading", { name: "新建项目征集" }).waitFor();
        await pickArea(page, page.locator(".ant-form-item", { hasText: "购买方辖区" }).locator(".ant-select"), ["南阳新村街道"]);
        const targets = page.locator(".ant-form-item", { hasText: "服务区域" }).locator(".ant-select");
        // The target areas follow the chosen area: they start over from the street, whose tree they open.
        await targets.getByText("南阳新村街道").waitFor();
        await pickArea(page, targets, [/丰乐社区/]);
        await page.keyboard.press("Escape");
        const title = `打印视图测试征集 ${Date.now()}`;
        await page.getByLabel("征集标题").fill(title);
        await page.getByLabel("征集说明").fill("为丰乐社区独居老人提供上门探访服务。");
        await page.getByLabel("资金总额（元）").fill("100000");
        await page.getByLabel("单个项目上限（元）").fill("50000");
        await page.getByRole("button", { name: "保存草稿" }).click();
        await page.waitForURL((url) => /^\/calls\/[0-9a-f-]{36}$/.test(url.pathname));
        await page.getByRole("heading", { name: title }).waitFor();
        const text = (await page.locator("main").textContent()) ?? "";
        expect(text).toContain("南阳新村街道");
        expect(text).toMatch(/丰乐社区/);
        expect(text).not.toContain("410105007002");
      } finally {
        await context.close();
      }
    },
  );

  it(
    "[STREET][RESIDENTS] the street filters residents by a community picked in the tree, kept in the URL",
    { timeout: 90_000 },
    async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        await signInThroughPage(page, "demo-street");
        await page.goto("/residents");
        await page.getByRole("heading", { name: "居民", exact: true }).waitFor();
        await pickArea(page, page.getByRole("combobox", { name: "辖区", exact: true }), ["南阳新村街道", /丰乐社区/]);
        const filtered = page.waitForResponse(
          (response) => response.url().includes("/api/v1/residents?") && response.url().includes("area_code=410105007002"),
        );
        await page.getByRole("button", { name: /查\s*询/ }).click();
        await page.waitForURL((url) => url.searchParams.get("area") === "410105007002");
        expect((await filtered).status()).toBe(200);
        const communities = page.locator(".ant-table-tbody tr.ant-table-row td:nth-child(6)");
        await expect.poll(() => communities.count()).toBeGreaterThan(0);
        for (const community of await communities.allTextContents()) {
          expect(community).toMatch(/丰乐社区/);
        }
        // A reload keeps the filter, shown by name.
        await page.reload();
        await page
          .locator(".ant-select-content, .ant-select-selection-item", { hasText: /丰乐社区/ })
          .first()
          .waitFor();
        expect(new URL(page.url()).searchParams.get("area")).toBe("410105007002");
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
