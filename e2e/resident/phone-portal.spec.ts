import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";
import { serveReferral } from "../fixtures/journeys.js";

/**
 * Issue 17, at 390x844: the resident portal (bottom tabs, badge, 我的需求 with the need awaiting
 * confirmation on top) around the whole need loop, and a staff page with its drawer menu.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const phone = { width: 390, height: 844 };

async function phoneContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject("baseUrl"),
    locale: "zh-CN",
    viewport: phone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return { context, page: await context.newPage() };
}

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: false });
  }
}

/** The page fits the phone: nothing scrolls sideways, and axe finds nothing serious. */
async function expectFitsAndAccessible(page: Page): Promise<void> {
  const main = page.locator("#main-content");
  const overflow: number = await main.evaluate(
    (element) => (element as { scrollWidth: number }).scrollWidth - (element as { clientWidth: number }).clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(phone.width);
  expect(await seriousViolations(page)).toEqual([]);
}

describe("the resident portal on a phone", () => {
  it("[RESIDENT][ORG][NEEDS] a resident reports from the tab bar, sees the badge and the need on top of 我的需求, confirms it", async () => {
    const description = `E2E 手机 ${Date.now()}：楼道灯坏了，老人晚上出门不便`;

    // 1. The resident's home: portal frame, tab bar with labels, no staff menu.
    const resident = await phoneContext();
    try {
      await signInThroughPage(resident.page, "demo-resident");
      await resident.page.goto("/");
      const tabs = resident.page.getByRole("navigation", { name: "居民导航" });
      await tabs.waitFor();
      for (const label of ["首页", "我要反映", "我的需求", "服务", "通知"]) {
        const tab = tabs.getByRole("link", { name: new RegExp(label) });
        const box = await tab.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(48);
      }
      expect(await resident.page.locator(".ant-layout-sider").count()).toBe(0);
      expect(await resident.page.getByText("辖区").count()).toBe(0);
      await resident.page.getByRole("button", { name: /我要反映/ }).waitFor();
      await expectFitsAndAccessible(resident.page);
      await shot(resident.page, "portal-1-home");

      // A staff address typed by hand: not found inside the portal, never a broken staff page.
      await resident.page.goto("/areas");
      await resident.page.getByText("您访问的页面不存在").waitFor();
      await tabs.waitFor();

      // 2. Report from the tab bar.
      await tabs.getByRole("link", { name: /我要反映/ }).click();
      await resident.page.waitForURL("**/report");
      const category = resident.page.getByLabel("类别");
      await category.click();
      await category.fill("养老");
      await resident.page.locator(".ant-select-item-option").filter({ hasText: "养老照护" }).first().click();
      await resident.page.getByLabel("需求描述").fill(description);
      await resident.page.getByRole("button", { name: /提\s*交/ }).click();
      await resident.page.getByText(/已提交，已分派给服务方|同类别的需求正在办理中/).waitFor();
      await expectFitsAndAccessible(resident.page);
      await shot(resident.page, "portal-2-reported");
    } finally {
      await resident.context.close();
    }

    // 3. The organization the street's rules chose accepts, records service and completes it.
    const org = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(org.page, "demo-org");
      await serveReferral(org.page, description.slice(0, 20));
    } finally {
      await org.context.close();
    }

    // 4. The resident sees the badge, the notification, and the need on top of 我的需求; confirms it.
    const again = await phoneContext();
    try {
      await signInThroughPage(again.page, "demo-resident");
      await again.page.goto("/");
      // The badge for the eye, and the count in words for a screen reader.
      await again.page.getByTestId("tab-notifications").locator(".ant-badge-count").waitFor();
      expect(await again.page.getByTestId("tab-notifications").innerText()).toMatch(/通知.*\d+ 条未读/s);
      await again.page.getByTestId("home-awaiting").getByText(description).waitFor();
      await expectFitsAndAccessible(again.page);
      await shot(again.page, "portal-3-home-awaiting");

      await again.page.getByTestId("tab-notifications").click();
      await again.page
        .getByText(/请确认：您的「养老照护」需求已办完/)
        .first()
        .waitFor();
      await expectFitsAndAccessible(again.page);
      await shot(again.page, "portal-4-notifications");

      await again.page.getByTestId("tab-my-needs").click();
      await again.page.waitForURL("**/my-needs");
      const first = again.page.getByTestId("resident-need").first();
      await first.getByText(description).waitFor();
      await first.getByText("待确认").first().waitFor();
      await first.getByText("服务方已办完，请您确认是否解决并评价。").waitFor();
      await expectFitsAndAccessible(again.page);
      await shot(again.page, "portal-5-my-needs");

      await first.getByText("已解决").click();
      await first.locator(".ant-rate-star").nth(4).click();
      await first.getByLabel("评价").fill("灯修好了，谢谢");
      await first.getByRole("button", { name: /提交确认/ }).click();
      await again.page.getByText("感谢您的确认，这条需求已办结。").waitFor();
      const closed = again.page.getByTestId("resident-need").filter({ hasText: description });
      await closed.getByText("已办结").first().waitFor();
      await shot(again.page, "portal-6-confirmed");
    } finally {
      await again.context.close();
    }
  }, 180_000);

  it("[COMMUNITY] a staff page at 390 px: the title is not covered, the menu is a drawer that closes after a tap", async () => {
    const staff = await phoneContext();
    try {
      await signInThroughPage(staff.page, "demo-community");
      await staff.page.goto("/community-queue");
      const title = staff.page.locator("#main-content h1").first();
      await title.waitFor();
      const header = await staff.page.locator(".sanshe-header").boundingBox();
      const box = await title.boundingBox();
      expect(box && header && box.y >= header.y + header.height - 1).toBe(true);
      // What is drawn at the title's centre is the title itself (nothing lies over it).
      const onTop = await staff.page.evaluate<boolean>(`(() => {
        const element = document.querySelector("#main-content h1");
        const rect = element.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + Math.min(rect.width / 2, 40), rect.top + rect.height / 2);
        return hit !== null && element.contains(hit);
      })()`);
      expect(onTop).toBe(true);
      expect(await staff.page.locator(".ant-layout-sider").count()).toBe(0);
      await expectFitsAndAccessible(staff.page);
      await shot(staff.page, "staff-1-queue");

      await staff.page.getByTestId("nav-menu-button").click();
      const drawer = staff.page.getByRole("dialog").filter({ has: staff.page.getByRole("navigation") });
      await drawer.waitFor();
      await drawer.getByRole("link", { name: "通知公告" }).waitFor();
      await staff.page.waitForTimeout(400); // the slide-in animation, for the screenshot
      await shot(staff.page, "staff-2-drawer");
      await drawer.getByRole("link", { name: "通知公告" }).click();
      await staff.page.waitForURL("**/announcements");
      await drawer.waitFor({ state: "hidden" });
      await staff.page.locator("#main-content h1").first().waitFor();
    } finally {
      await staff.context.close();
    }
  }, 120_000);

  it("[RESIDENT] measures the JavaScript a resident downloads for their first page (README, issue 17)", async () => {
    const { context, page } = await phoneContext();
    try {
      await signInThroughPage(page, "demo-resident");
      // A returning resident opening the app: a fresh load of the home page, nothing cached.
      const fresh = await context.newPage();
      const scripts = new Map<string, Buffer>();
      fresh.on("response", (response) => {
        if (response.url().endsWith(".js")) {
          void response.body().then((body) => scripts.set(response.url(), body));
        }
      });
      await fresh.goto("/");
      await fresh.getByRole("navigation", { name: "居民导航" }).waitFor();
      await fresh.getByText("最近的需求").waitFor();
      await fresh.waitForLoadState("networkidle");
      const raw = [...scripts.values()].reduce((sum, body) => sum + body.length, 0);
      const gzip = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0);
      const report = `resident first page: ${scripts.size} JS files, ${(raw / 1024).toFixed(0)} kB raw, ${(gzip / 1024).toFixed(0)} kB gzip`;
      console.log(report);
      console.log(
        [...scripts.entries()]
          .map(([url, body]) => `  ${new URL(url).pathname} ${(gzipSync(body).length / 1024).toFixed(1)} kB gzip`)
          .join("\n"),
      );
      // Staff pages stay out of the resident's first load (they are lazy); the budget catches regressions.
      expect(
        [...scripts.keys()].some((url) => /DashboardPage|WorkloadPage|NeedListPage|InboxPage|CommunityQueue|useChart|barChart/.test(url)),
      ).toBe(false);
      expect(gzip).toBeLessThan(720 * 1024);
    } finally {
      await context.close();
    }
  }, 60_000);
});
