import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

/**
 * Tables that behave like a spreadsheet (issue #17): on each list, as a demo role that sees data, a
 * sortable header reorders the rows through the server (sort= in the request and in the URL), the
 * total shows, and the export link downloads an XLSX of the current filters.
 */

let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS ?? process.env.SANSHE_E2E_SHOTS;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

type ListCase = {
  /** The list, for the test name and screenshot. */
  name: string;
  login: string;
  /** Console path of the list page. */
  path: string;
  /** API path prefix the list reads (the round-trip to wait for). */
  api: string;
  /** Header text of a sortable column whose values differ between rows. */
  header: string;
  /** The `sort=` column behind that header. */
  column: string;
  /** Export kind, when the list exports. */
  exportKind: string;
};

const lists: ListCase[] = [
  {
    name: "needs",
    login: "demo-community",
    path: "/needs",
    api: "/api/v1/needs?",
    header: "提交时间",
    column: "created_at",
    exportKind: "needs",
  },
  {
    name: "referrals",
    login: "demo-org",
    path: "/referrals",
    api: "/api/v1/referrals?",
    header: "接单时限",
    column: "respond_by",
    exportKind: "referrals",
  },
  {
    name: "contracts",
    login: "demo-district",
    path: "/contracts",
    api: "/api/v1/contracts?",
    header: "合同金额",
    column: "amount",
    exportKind: "contracts",
  },
];

async function firstRows(page: Page): Promise<string[]> {
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  const count = Math.min(await rows.count(), 3);
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    texts.push((await rows.nth(index).textContent()) ?? "");
  }
  return texts;
}

async function clickSort(page: Page, list: ListCase, expected: string): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.url().includes(list.api) && response.url().includes(`sort=${encodeURIComponent(expected)}`),
  );
  await page.locator("th.ant-table-column-has-sorters").filter({ hasText: list.header }).first().click();
  expect((await answered).status()).toBe(200);
  await page.waitForURL((url) => url.searchParams.get("sort") === expected);
}

describe("sortable, counted, exportable lists", () => {
  it.each(lists)("[TABLES] $name: sorts through the server, shows the total and exports XLSX", async (list) => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, list.login);
      await page.goto(list.path);
      const total = page.getByTestId("list-total");
      await total.waitFor();
      expect(await total.textContent()).toMatch(/^共 [\d,]+\+? 条$/);
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();

      await clickSort(page, list, list.column);
      const header = page.locator("th.ant-table-column-has-sorters").filter({ hasText: list.header }).first();
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const ascending = await firstRows(page);
      await clickSort(page, list, `-${list.column}`);
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      const descending = await firstRows(page);
      expect(descending).not.toEqual(ascending);

      // The sort survives a reload (it lives in the URL).
      await page.reload();
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
      expect(await firstRows(page)).toEqual(descending);

      await page.getByTestId("export-button").click();
      const link = page.getByTestId("export-xlsx");
      await link.waitFor();
      const href = (await link.getAttribute("href")) ?? "";
      expect(href).toContain(`/api/v1/exports/${list.exportKind}`);
      expect(href).toContain(`sort=-${list.column}`);
      const download = page.waitForEvent("download");
      await link.click();
      expect((await download).suggestedFilename()).toMatch(new RegExp(`^${list.exportKind}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const file = await context.request.get(new URL(href, inject("baseUrl")).toString());
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect((await file.body()).subarray(0, 2).toString()).toBe("PK");
      await page.keyboard.press("Escape");

      await page.getByTestId("column-chooser").click();
      await page.getByRole("dialog").or(page.locator(".ant-popover")).first().waitFor();
      if (shots) {
        await page.screenshot({ path: `${shots}/tables-${list.name}.png`, fullPage: true });
      }
      await page.keyboard.press("Escape");
      // Away from the buttons, so axe reads them at rest rather than hovered.
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
