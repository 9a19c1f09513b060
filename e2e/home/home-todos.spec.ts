import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

/**
 * 首页待办 for every demo role on a desktop: the home shows the role's to-dos from the demo world (real
 * counts where the role has work), a link lands on the list showing exactly those records, and the
 * page has no serious accessibility violation. demo-street's home is saved for the README.
 */

let browser: Browser;
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** The count on a to-do card (0 when the role has no such card). */
async function countOf(page: Page, key: string): Promise<number> {
  const card = page.getByTestId(`todo-${key}`);
  if ((await card.count()) === 0) {
    return 0;
  }
  return Number(await card.getByTestId("todo-count").textContent());
}

/** Signs in and waits until the to-do section has loaded (cards or the empty state). */
async function openHome(page: Page, login: string): Promise<void> {
  await signInThroughPage(page, login);
  await page.goto("/");
  const section = page.locator("section[aria-labelledby=home-todos-title]");
  await section.locator("[data-testid^=todo-], .ant-empty").first().waitFor();
}

const withWork: Array<{ login: string; keys: string[] }> = [
  { login: "demo-org", keys: ["referrals_to_accept", "referrals_in_service"] },
  { login: "demo-worker", keys: ["referrals_to_accept"] },
  { login: "demo-street", keys: ["action_items_supervised", "action_items_to_accept", "admin_tasks_to_review"] },
  { login: "demo-community", keys: ["needs_to_triage", "confirmations_missing", "queue_open"] },
  { login: "demo-evaluator", keys: ["reviews_to_score"] },
  { login: "demo-district", keys: ["admin_tasks_to_review"] },
];

describe("home to-dos", () => {
  for (const { login, keys } of withWork) {
    it(`[HOME] ${login} sees real counts of what waits for them`, async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        await openHome(page, login);
        for (const key of keys) {
          expect(await countOf(page, key), key).toBeGreaterThan(0);
        }
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const login of ["demo-city", "demo-district-erqi", "demo-auditor", "demo-department"]) {
    it(`[HOME] ${login}'s home loads its to-dos or says nothing waits`, async () => {
      const { context, page } = await newPage(browser, inject("baseUrl"));
      try {
        await openHome(page, login);
        if (login === "demo-auditor") {
          await page.getByText("目前没有等待您处理的事项").waitFor();
        }
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("[HOME] demo-street's 督办 card lands on the convened open action items, as many as it counts; figures show trends", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await openHome(page, "demo-street");
      const figures = page.getByTestId("figure-needs_reported");
      await figures.waitFor();
      expect(await page.getByRole("img", { name: /较上期/ }).count()).toBeGreaterThan(0);
      if (process.env.E2E_SCREENSHOTS) {
        mkdirSync(process.env.E2E_SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/home-street.png`, fullPage: true });
      }
      mkdirSync(path.join(root, "docs/screenshots"), { recursive: true });
      await page.screenshot({ path: path.join(root, "docs/screenshots/home-street.png"), fullPage: true });

      const count = await countOf(page, "action_items_supervised");
      await page.getByTestId("todo-action_items_supervised").getByRole("link").click();
      await page.waitForURL(/\/action-items\?role=convener&status=open/);
      await expect.poll(() => page.locator(".ant-table-tbody tr.ant-table-row").count(), { timeout: 20_000 }).toBe(count);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("[HOME] demo-org's referrals card lands on the pending referrals of its inbox, as many as it counts", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await openHome(page, "demo-org");
      const count = await countOf(page, "referrals_to_accept");
      await page.getByTestId("todo-referrals_to_accept").getByRole("link").click();
      await page.waitForURL(/\/referrals\?status=pending/);
      await expect.poll(() => page.locator(".ant-table-tbody tr.ant-table-row").count(), { timeout: 20_000 }).toBe(count);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("[HOME] demo-community's triage card lands on its queue's pending needs, as many as it counts", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await openHome(page, "demo-community");
      const count = await countOf(page, "needs_to_triage");
      await page.getByTestId("todo-needs_to_triage").getByRole("link").click();
      await page.waitForURL(/\/referrals\?status=pending/);
      await expect.poll(() => page.locator(".ant-table-tbody tr.ant-table-row").count(), { timeout: 20_000 }).toBe(count);
    } finally {
      await context.close();
    }
  });

  it("[HOME] demo-evaluator's review card lands on exactly the calls waiting for its scores, and the filter can be dropped", async () => {
    const { context, page } = await newPage(browser, inject("baseUrl"));
    try {
      await openHome(page, "demo-evaluator");
      const count = await countOf(page, "reviews_to_score");
      expect(count).toBeGreaterThan(0);
      await page.getByTestId("todo-reviews_to_score").getByRole("link").click();
      await page.waitForURL(/\/calls\?awaiting=my_review/);
      await page.getByTestId("filter-chip").getByText("只看待我评审的征集").waitFor();
      await expect.poll(() => page.locator(".ant-table-tbody tr.ant-table-row").count(), { timeout: 20_000 }).toBe(count);
      const statuses = await page.locator(".ant-table-tbody tr.ant-table-row .ant-tag").allTextContents();
      expect(new Set(statuses)).toEqual(new Set(["评审中"]));
      expect(await seriousViolations(page)).toEqual([]);
      await page
        .getByRole("img", { name: /取消筛选/ })
        .or(page.getByLabel(/取消筛选/))
        .first()
        .click();
      await page.waitForURL((url) => !url.search.includes("awaiting"));
    } finally {
      await context.close();
    }
  });
});
