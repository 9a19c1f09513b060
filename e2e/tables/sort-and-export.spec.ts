import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";
import { downloadListXlsx, expectListTotal, sortByHeader, sortableHeader } from "../fixtures/tables.js";

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

describe("sortable, counted, exportable lists", () => {
  it.each(lists)("[TABLES] $name: sorts through the server, shows the total and exports XLSX", async (list) => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, list.login);
      await page.goto(list.path);
      await expectListTotal(page);

      await sortByHeader(page, list.api, list.header, list.column);
      const header = sortableHeader(page, list.header);
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const ascending = await firstRows(page);
      await sortByHeader(page, list.api, list.header, `-${list.column}`);
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      const descending = await firstRows(page);
      expect(descending).not.toEqual(ascending);

      // The sort survives a reload (it lives in the URL).
      await page.reload();
      await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
      expect(await firstRows(page)).toEqual(descending);

      const { href, rows } = await downloadListXlsx(page, context, inject("baseUrl"), list.exportKind);
      expect(href).toContain(`sort=-${list.column}`);
      expect(rows[0]?.every((header) => /[\u4e00-\u9fff]/.test(header))).toBe(true);
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
