import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";
import { downloadListXlsx, expectListTotal, sortByHeader, sortableHeader } from "../fixtures/tables.js";

/**
 * The projects lists behave like a spreadsheet (issue #17): as the district official who reads them
 * (demo-district), each of calls, applications and the funding ledger sorts a column through the
 * server (sort= in the request and in the URL), shows its total, hides a column with the chooser
 * and downloads an XLSX of the current list (its sort included) whose header row is Chinese.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

type ListCase = {
  name: string;
  path: string;
  /** API path prefix the list reads. */
  api: string;
  /** Header text of a sortable column, and the `sort=` column behind it. */
  header: string;
  column: string;
  /** A column to hide with the chooser (its header text). */
  hide: string;
  /** Export kind and the first Chinese header of its spreadsheet. */
  download: { kind: string; firstHeader: string };
};

const lists: ListCase[] = [
  {
    name: "calls",
    path: "/calls",
    api: "/api/v1/calls?",
    header: "资金总额",
    column: "total_budget",
    hide: "购买方式",
    download: { kind: "calls", firstHeader: "创建时间" },
  },
  {
    name: "applications",
    path: "/applications",
    api: "/api/v1/applications?",
    header: "申请金额",
    column: "requested",
    hide: "材料",
    download: { kind: "applications", firstHeader: "申报时间" },
  },
  {
    name: "funding ledger",
    path: "/funding-ledger",
    api: "/api/v1/funding-ledger?",
    header: "金额",
    column: "amount",
    hide: "说明",
    download: { kind: "funding-ledger", firstHeader: "日期" },
  },
];

describe("projects lists: sort, total, columns and export", () => {
  it.each(lists)("[DISTRICT][PROJECTS] $name: sorts through the server, counts, hides a column and exports", async (list) => {
    const { page, context } = await newPage(browser, inject("baseUrl"));
    try {
      await signInThroughPage(page, "demo-district");
      await page.goto(list.path);
      expect(await expectListTotal(page)).toMatch(/^共 [1-9]/);

      await sortByHeader(page, list.api, list.header, list.column);
      expect(await sortableHeader(page, list.header).getAttribute("aria-sort")).toBe("ascending");
      await sortByHeader(page, list.api, list.header, `-${list.column}`);
      expect(await sortableHeader(page, list.header).getAttribute("aria-sort")).toBe("descending");

      const hidden = page.locator("th.ant-table-cell").filter({ hasText: new RegExp(`^${list.hide}$`) });
      const before = await hidden.count();
      expect(before).toBeGreaterThan(0);
      await page.getByTestId("column-chooser").first().click();
      await page.getByRole("checkbox", { name: list.hide, exact: true }).uncheck();
      await expect.poll(() => hidden.count()).toBe(before - 1);
      await page.keyboard.press("Escape");

      const { href, rows } = await downloadListXlsx(page, context, inject("baseUrl"), list.download.kind);
      expect(href).toContain(`sort=-${list.column}`);
      expect(rows[0]?.[0]).toBe(list.download.firstHeader);
      expect(rows[0]?.every((header) => /[\u4e00-\u9fff]/.test(header))).toBe(true);
      expect(rows.length).toBeGreaterThan(1);
      await page.keyboard.press("Escape");
    } finally {
      await context.close();
    }
  });
});
