import { DEMO_LOGINS } from "@sanshe/contracts";
import { appendFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";
import { codeLeaks } from "../fixtures/code-leaks.js";

/**
 * Every page of every role (issue #17): each demo account signs in on a 1280 px desktop, reads its own
 * side menu (built from the modules' menu entries filtered by permission) and opens every entry, the
 * detail page behind the first row of its lists and the forms its primary buttons open. On each, once
 * the data has arrived: no serious or critical axe violation (WCAG 2.1 AA), and no code leaks into
 * the zh-CN text (snake_case enums, SCREAMING_CASE error codes, dotted action codes, English words
 * outside the allow-list in fixtures/code-leaks.ts). The resident also walks its pages on a 390 × 844 phone.
 *
 * A failure lists "page: finding" lines, e.g. "/referrals: axe color-contrast: .ant-tag" or
 * "/audit: leak session.create".
 */

const roles = DEMO_LOGINS;

/**
 * Lists whose first row leads to a detail page worth checking: the list path and how the detail
 * path starts ("/needs" → "/needs/<id>").
 */
const detailLists: readonly string[] = [
  "/needs",
  "/meetings",
  "/action-items",
  "/contracts",
  "/calls",
  "/cases",
  "/residents",
  "/social-orgs",
  "/social-workers",
  "/communities",
  "/plans",
  "/leadership-groups",
  "/admin-tasks",
  "/announcements",
];

/** Detail paths never to open: not details (a list's own sub-pages reached from the menu). */
const notDetails = /^\/(needs\/dashboard|meetings\/history|calls\/new|contracts\/new|projects\/)/;

/** Forms opened by a page's primary button: the page, and the button's name. */
const forms: readonly { path: string; button: RegExp }[] = [
  { path: "/meetings", button: /召开会议|召开|发起会议/ },
  { path: "/calls", button: /新建|发布/ },
  { path: "/contracts", button: /新建|签订|登记/ },
];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  // Spinners of lazy pages and queries that started after the network went idle.
  await page
    .locator("#main-content .ant-spin-spinning")
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForLoadState("networkidle");
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name.replace(/[^a-z0-9-]+/gi, "-")}.png`, fullPage: true });
  }
}

/** The page as it stands: its axe findings and leaked codes, each as "where: what". */
async function inspect(page: Page, where: string, shotName: string): Promise<string[]> {
  await screenshot(page, shotName);
  const axe = (await seriousViolations(page)).map((violation) => `${where}: axe ${violation}`);
  const leaks = (await codeLeaks(page)).map((leak) => `${where}: leak ${leak}`);
  // E2E_FINDINGS=<file> streams the findings while the (long) run goes on.
  if (process.env.E2E_FINDINGS) {
    appendFileSync(process.env.E2E_FINDINGS, [`# ${where}`, ...axe, ...leaks, ""].join("\n"));
  }
  return [...axe, ...leaks];
}

async function hrefsOf(page: Page, selector: string): Promise<string[]> {
  const links = await page.locator(selector).all();
  return (await Promise.all(links.map((link) => link.getAttribute("href")))).map((href) => href ?? "");
}

/** The side menu's links, as the signed-in user sees them. */
async function menuLinks(page: Page): Promise<string[]> {
  await page.locator("nav a[href]").first().waitFor();
  const hrefs = await hrefsOf(page, "nav a[href]");
  return [...new Set(hrefs.filter((href) => href.startsWith("/")))];
}

async function visitAll(page: Page, login: string, paths: readonly string[], suffix: string): Promise<string[]> {
  const findings: string[] = [];
  const details = new Set<string>();
  for (const path of paths) {
    await page.goto(path);
    await settle(page);
    findings.push(...(await inspect(page, `${login}${suffix} ${path}`, `${login}${suffix}${path}`)));

    if (detailLists.includes(path)) {
      const hrefs = await hrefsOf(page, "#main-content a[href]");
      const detail = hrefs.find(
        (href) => href.startsWith(`${path}/`) && !notDetails.test(href) && !href.endsWith("/print") && !details.has(href),
      );
      if (detail) {
        details.add(detail);
        await page.goto(detail);
        await settle(page);
        findings.push(...(await inspect(page, `${login}${suffix} ${detail}`, `${login}${suffix}${path}-detail`)));
      }
    }

    if (suffix === "") {
      for (const form of forms.filter((entry) => entry.path === path)) {
        await page.goto(path);
        await settle(page);
        const button = page.locator("#main-content").getByRole("button", { name: form.button }).first();
        if ((await button.count()) === 0) {
          continue;
        }
        await button.click();
        await page
          .locator(".ant-drawer-open .ant-drawer-content, .ant-modal-wrap:visible, #main-content form")
          .first()
          .waitFor({ timeout: 10_000 });
        await settle(page);
        // Drawers and modals slide in: let the animation end before axe reads colours.
        await page.waitForTimeout(400);
        findings.push(...(await inspect(page, `${login}${suffix} ${path} (form)`, `${login}${suffix}${path}-form`)));
      }
    }
  }
  return findings;
}

describe("every page of every role", () => {
  for (const login of roles) {
    it(
      `[QUALITY] ${login}: every menu page, its first details and forms have no serious axe violation and no leaked code`,
      {
        timeout: 600_000,
      },
      async () => {
        const { context, page } = await newPage(browser, inject("baseUrl"));
        try {
          await signInThroughPage(page, login);
          await settle(page);
          const paths = await menuLinks(page);
          expect(paths.length).toBeGreaterThan(0);
          const findings = await visitAll(page, login, paths, "");
          if (login === "demo-resident") {
            await page.setViewportSize({ width: 390, height: 844 });
            findings.push(...(await visitAll(page, login, paths, "@390")));
          }
          expect(findings).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  }
});
