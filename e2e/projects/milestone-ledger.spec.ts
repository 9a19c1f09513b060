import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, seriousViolations, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** A 1×1 PNG, the evidence file. */
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

// The demo world's running project of demo-org's agency (金水区民政局, ¥240,000): the start-up milestone
// (30 %) is paid, the mid-term one (40 %, ¥96,000) is overdue. The purchaser is the district, so
// demo-district (not demo-street, whose scope is one street) accepts it.
const projectTitle = "丰乐银龄守护上门探访";

describe("milestones and the funding ledger", () => {
  it("[ORG][DISTRICT][PROJECTS] the organization reports the overdue milestone with evidence, the district accepts it and the ledger shows the payment", async () => {
    let contractPath = "";
    const org = await newPage(browser, inject("baseUrl"));
    try {
      const page = org.page;
      await signInThroughPage(page, "demo-org");
      await page.getByRole("menuitem", { name: "项目合同" }).click();
      await page.getByRole("link", { name: projectTitle }).click();
      await page.waitForURL((url) => /^\/contracts\/[0-9a-f-]{36}$/.test(url.pathname));
      contractPath = new URL(page.url()).pathname;
      const milestone = page.getByTestId("milestone-1");
      await milestone.locator(".ant-tag", { hasText: "已逾期" }).waitFor();
      await milestone.getByRole("button", { name: "报告进度" }).click();
      const drawer = page.getByRole("dialog");
      await drawer.getByLabel("完成情况").fill("完成中期上门探访 420 人次，附签到表");
      await drawer.locator("input[type=file]").setInputFiles({ name: "签到表.png", mimeType: "image/png", buffer: png });
      await drawer.getByRole("checkbox", { name: "签到表.png" }).waitFor();
      expect(await drawer.getByRole("checkbox", { name: "签到表.png" }).isChecked()).toBe(true);
      await drawer.getByLabel("服务人数").fill("120");
      await drawer.getByRole("button", { name: "提交报告" }).click();
      await milestone.locator(".ant-tag", { hasText: "待验收" }).waitFor();
      await milestone.getByText("附件 1 个", { exact: false }).waitFor();
    } finally {
      await org.context.close();
    }

    const district = await newPage(browser, inject("baseUrl"));
    try {
      const page = district.page;
      await signInThroughPage(page, "demo-district");
      await page.goto(contractPath);
      const milestone = page.getByTestId("milestone-1");
      await milestone.getByRole("button", { name: "验收通过" }).click();
      await page.getByRole("button", { name: "确定拨付" }).click();
      await milestone.locator(".ant-tag", { hasText: "已验收" }).first().waitFor();
      await page.getByTestId("paid").getByText("¥168,000.00").waitFor();
      expect(await milestone.getByRole("button", { name: "验收通过" }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await district.context.close();
    }

    const back = await newPage(browser, inject("baseUrl"));
    try {
      const page = back.page;
      await signInThroughPage(page, "demo-org");
      await page.goto(contractPath);
      await page.getByTestId("paid").getByText("¥168,000.00").waitFor();
      await page.getByRole("menuitem", { name: "资金台账" }).click();
      await page.waitForURL((url) => url.pathname === "/funding-ledger");
      const row = page.getByRole("row").filter({ hasText: `${projectTitle} · 中期服务交付` });
      await row.getByText("¥96,000.00").waitFor();
      await row.getByText("政府购买").waitFor();
    } finally {
      await back.context.close();
    }
  });

  it("[DISTRICT][EVALUATOR][PROJECTS] the district terminates a project and assigns the evaluator; both score and the grade appears", async () => {
    // The demo world's closed project is already evaluated, so this one is brought to evaluation here.
    let contractPath = "";
    const district = await newPage(browser, inject("baseUrl"));
    try {
      const page = district.page;
      await signInThroughPage(page, "demo-district");
      await page.goto("/contracts");
      await page.getByRole("link", { name: "暖心助老到家服务" }).click();
      await page.waitForURL((url) => /^\/contracts\/[0-9a-f-]{36}$/.test(url.pathname));
      contractPath = new URL(page.url()).pathname;
      await page.getByRole("button", { name: "结项 / 终止" }).click();
      const modal = page.getByRole("dialog");
      await modal.getByLabel("第三方评估人").click();
      await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "第三方评估员（演示）" }).waitFor();
      await page.keyboard.type("第三方评估员");
      await page.keyboard.press("Enter");
      await modal.getByLabel("终止原因").fill("服务对象迁出，双方协商提前终止（浏览器测试）");
      await modal
        .getByRole("button", { name: "确 定" })
        .or(modal.getByRole("button", { name: "确定" }))
        .click();
      await page.locator(".ant-tag", { hasText: "已终止" }).waitFor();
      const evaluation = page.getByTestId("evaluation");
      await evaluation.getByLabel("得分").fill("85");
      await evaluation.getByLabel("意见").fill("按约提供服务，台账完整");
      await evaluation.getByRole("button", { name: "提交评分" }).click();
      await evaluation.getByText("按约提供服务，台账完整").waitFor();
    } finally {
      await district.context.close();
    }

    const evaluator = await newPage(browser, inject("baseUrl"));
    try {
      const page = evaluator.page;
      await signInThroughPage(page, "demo-evaluator");
      await page.goto(contractPath);
      const evaluation = page.getByTestId("evaluation");
      await evaluation.getByLabel(/服务人次.*实际完成/).fill("1500");
      await evaluation.getByLabel(/服务对象满意度.*实际完成/).fill("92");
      await evaluation.getByLabel("得分").fill("80");
      await evaluation.getByLabel("意见").fill("提前终止前目标完成过半");
      await evaluation.getByRole("button", { name: "提交评估" }).click();
      await evaluation
        .getByTestId("evaluation-grade")
        .locator(".ant-tag", { hasText: /优秀|良好|合格|不合格/ })
        .waitFor();
      expect(await evaluation.getByTestId("evaluation-grade").textContent()).not.toContain("未评定");
    } finally {
      await evaluator.context.close();
    }
  });
});
