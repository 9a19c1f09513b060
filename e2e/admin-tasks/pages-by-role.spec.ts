import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

/**
 * Every de-administration screen opened by the role that uses it, on a desktop and (for community
 * staff) a 390 px phone: the page shows its data from the demo world, no serious or critical axe
 * violation, and nothing on the page scrolls sideways on the phone.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

type Visit = { login: string; path: string; shows: string; phone?: true };

const visits: Visit[] = [
  { login: "demo-district", path: "/workload", shows: "图3-1" },
  { login: "demo-district", path: "/admin-task-catalog", shows: "负面清单" },
  { login: "demo-district", path: "/departments", shows: "金水区卫健委" },
  { login: "demo-district", path: "/funding-ledger/structure", shows: "3-4" },
  { login: "demo-district", path: "/plans", shows: "2026" },
  { login: "demo-district", path: "/leadership-groups", shows: "领导小组" },
  { login: "demo-street", path: "/admin-tasks", shows: "已督办" },
  { login: "demo-department", path: "/admin-tasks", shows: "金水区民政局" },
  { login: "demo-community", path: "/community-queue", shows: "高龄津贴资格月度核查", phone: true },
  { login: "demo-community", path: "/community-queue?tab=refusals", shows: "金水区", phone: true },
  { login: "demo-community", path: "/admin-task-catalog", shows: "依法履职", phone: true },
  { login: "demo-community", path: "/workload", shows: "丰乐社区", phone: true },
];

describe("de-administration screens by role", () => {
  for (const visit of visits) {
    it(`[ADMIN-TASKS] ${visit.login} opens ${visit.path}${visit.phone ? " on a 390 px phone" : ""}`, async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        if (visit.phone) {
          await page.setViewportSize({ width: 390, height: 844 });
        }
        await signInThroughPage(page, visit.login);
        await page.goto(visit.path);
        await page.getByText(visit.shows).first().waitFor();
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page)).toEqual([]);
        if (visit.phone) {
          const overflow = await page.locator("#main-content").evaluate((main) => main.scrollWidth - main.clientWidth);
          expect(overflow).toBeLessThanOrEqual(1);
        }
        if (process.env.E2E_SCREENSHOTS) {
          const name = `${visit.login}${visit.path.replace(/[/?=]/g, "-")}${visit.phone ? "-390" : ""}`;
          await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
        }
      } finally {
        await context.close();
      }
    });
  }
});
