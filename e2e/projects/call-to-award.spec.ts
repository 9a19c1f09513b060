import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chooseOption, launchBrowser, newPage, signInThroughPage } from "../fixtures/browser.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const title = `丰乐社区助老服务项目征集（浏览器测试 ${Date.now()}）`;
/** Seconds from filling the form to the deadline: enough to publish and apply; reviews open after it. */
const DEADLINE_SECONDS = 90;

/** The date `offset` days from today, YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Beijing date and time fields of an instant. */
function beijing(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19) };
}

/** A tiny valid PDF (the server judges the type by its bytes). */
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048, 0x20), Buffer.from("\n%%EOF\n")]);

async function waitForCall(page: Page): Promise<void> {
  await page.waitForURL((url) => /^\/calls\/[0-9a-f-]{36}$/.test(url.pathname));
}

describe("call to award", () => {
  it(
    "[STREET][ORG][EVALUATOR][CALLS] a call suggested from needs is published, applied to, reviewed, awarded, contracted and paid",
    { timeout: 240_000 },
    async () => {
      const baseUrl = inject("baseUrl");
      let callPath = "";
      let contractPath = "";
      let deadline = new Date();

      const street = await newPage(browser, baseUrl);
      try {
        const page = street.page;
        await signInThroughPage(page, "demo-street");
        await page.goto("/needs/dashboard");
        await page.getByRole("heading", { name: "需求看板" }).waitFor();
        await page.getByRole("button", { name: "据需求发起征集" }).click();
        await page.waitForURL((url) => url.pathname === "/calls/new" && url.searchParams.get("area") === "410105007");
        await page.getByRole("heading", { name: "新建项目征集" }).waitFor();
        // The suggestion prefilled the title and the categories with their counts from the needs data.
        expect(await page.getByLabel("征集标题").inputValue()).not.toBe("");
        await page.getByText(/已根据近 12 个月 \d+ 件未满足需求预填/).waitFor();
        await page.getByLabel("征集标题").fill(title);
        await page.getByLabel("资金总额（元）").fill("300000");
        await page.getByLabel("单个项目上限（元）").fill("200000");
        expect(await page.getByTestId("rubric-sum").innerText()).toContain("100");
        const panel = page.locator(".ant-form-item", { hasText: "评审小组" }).locator(".ant-select");
        await chooseOption(page, panel, "第三方评估员（演示）");
        await page.keyboard.press("Escape");
        deadline = new Date(Date.now() + DEADLINE_SECONDS * 1000);
        const fields = beijing(deadline);
        await page.getByLabel("截止日期").fill(fields.date);
        await page.getByLabel("截止时间").fill(fields.time);
        await page.getByRole("button", { name: "保存并发布" }).click();
        await page.locator(".ant-popconfirm").getByRole("button", { name: "保存并发布" }).click();
        await waitForCall(page);
        callPath = new URL(page.url()).pathname;
        await page.locator(".ant-tag", { hasText: "征集中" }).waitFor();
        await page.getByText("第三方评估员（演示）").first().waitFor();
      } finally {
        await street.context.close();
      }

      const org = await newPage(browser, baseUrl);
      try {
        const page = org.page;
        await signInThroughPage(page, "demo-org");
        await page.goto(callPath);
        await page.getByRole("heading", { name: title }).waitFor();
        // The call page is accessible (axe, WCAG 2.1 AA) as an organization sees it, with the application form.
        await page.getByRole("button", { name: "提交申报" }).waitFor();
        const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        await page.getByLabel("项目名称").fill("银龄守护计划");
        await page.getByLabel("项目目标").fill("每周上门探访 60 位独居老人");
        await page.getByLabel("主要活动").fill("探访、助餐、健康讲座");
        await page.getByLabel("服务对象", { exact: true }).fill("丰乐社区 80 岁以上独居老人");
        await page.getByLabel("服务人数").fill("60");
        await page.getByLabel("第 1 项指标名称").fill("探访人次");
        await page.getByLabel("第 1 项目标值").fill("2400");
        await page.getByLabel("第 1 项单位").fill("人次");
        await page.getByLabel("第 1 项预算科目").fill("人员费用");
        await page.getByLabel("第 1 项金额（元）").fill("100000");
        await page.getByText("申请金额合计 ¥100,000.00").waitFor();
        await page.getByRole("button", { name: "提交申报" }).click();
        await page.getByText("本机构的申报").waitFor();
        await page.locator(".ant-tag", { hasText: "未上传" }).waitFor();
        await page.getByLabel("选择项目方案文件").setInputFiles({ name: "方案.pdf", mimeType: "application/pdf", buffer: pdf });
        await page.locator(".ant-tag", { hasText: "已上传" }).waitFor();
        await page.getByRole("link", { name: /方案\.pdf/ }).waitFor();
      } finally {
        await org.context.close();
      }

      // Reviews open only after the deadline.
      const wait = deadline.getTime() - Date.now() + 1500;
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }

      const evaluator = await newPage(browser, baseUrl);
      try {
        const page = evaluator.page;
        await signInThroughPage(page, "demo-evaluator");
        await page.goto(callPath);
        await page.getByText("评审工作台").waitFor();
        await page.getByRole("button", { name: "声明无利益冲突" }).click();
        await page.getByText("已声明无利益冲突").waitFor();
        for (const [label, score] of [
          [/需求契合度/, "90"],
          [/执行能力/, "85"],
          [/预算合理性/, "80"],
        ] as const) {
          await page.getByLabel(label).fill(score);
        }
        await page.getByRole("button", { name: "保存评分" }).click();
        await page.getByText("评分已保存").waitFor();
        await page.getByText("加权得分：85.75").waitFor();
      } finally {
        await evaluator.context.close();
      }

      const award = await newPage(browser, baseUrl);
      try {
        const page = award.page;
        await signInThroughPage(page, "demo-street");
        await page.goto(callPath);
        await page.getByText("评审排名与立项").waitFor();
        await page
          .getByRole("checkbox", { name: /选择 .+ 立项/ })
          .first()
          .check();
        await page.getByLabel("立项理由").fill("需求契合度高，预算合理，评审得分第一。");
        await page.getByRole("button", { name: "确定立项" }).click();
        await page.locator(".ant-modal-confirm").getByRole("button", { name: "确认立项" }).click();
        await page.locator(".ant-tag", { hasText: "已立项" }).first().waitFor();
        const contract = page.getByRole("link", { name: /拟定合同/ });
        await contract.waitFor();
        expect(await contract.getAttribute("href")).toMatch(/^\/contracts\/new\?application=[0-9a-f-]{36}$/);
        // The award becomes a contract: period, three milestones (30/40/30 %) and the application's KPIs.
        await contract.click();
        await page.getByRole("heading", { name: "签订项目合同" }).waitFor();
        await page.getByLabel("服务期开始").fill(day(0));
        await page.getByLabel("服务期结束").fill(day(365));
        for (const [index, offset] of [30, 180, 360].entries()) {
          await page.getByLabel("截止日期").nth(index).fill(day(offset));
          await page
            .getByLabel("交付内容")
            .nth(index)
            .fill(`第 ${index + 1} 阶段服务记录与签到表`);
        }
        await page.getByRole("button", { name: "签订合同" }).click();
        await page.waitForURL((url) => /^\/contracts\/[0-9a-f-]{36}$/.test(url.pathname));
        contractPath = new URL(page.url()).pathname;
        await page.getByTestId("paid").getByText("¥0.00").waitFor();
      } finally {
        await award.context.close();
      }

      const outcome = await newPage(browser, baseUrl);
      try {
        const page = outcome.page;
        await signInThroughPage(page, "demo-org");
        await page.goto(callPath);
        const result = page.getByTestId("application-result");
        await result.waitFor();
        expect(await result.innerText()).toContain("需求契合度高，预算合理");
        expect(await result.innerText()).toContain("85.75");
        // The organization reports the first milestone of its new contract.
        await page.goto(contractPath);
        const milestone = page.locator("[data-testid^=milestone-]").first();
        await milestone.getByRole("button", { name: "报告进度" }).click();
        const drawer = page.getByRole("dialog");
        await drawer.getByLabel("完成情况").fill("完成需求评估与启动会，建立 60 位老人档案");
        // A report needs evidence: the sign-in sheet of the kick-off meeting.
        const sheet = Buffer.from(
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
          "base64",
        );
        await drawer.locator("input[type=file]").setInputFiles({ name: "启动会签到表.png", mimeType: "image/png", buffer: sheet });
        await drawer.getByRole("checkbox", { name: "启动会签到表.png" }).waitFor();
        await drawer.getByLabel("服务人数").fill("60");
        await drawer.getByRole("button", { name: "提交报告" }).click();
        await milestone.locator(".ant-tag", { hasText: "待验收" }).waitFor();
      } finally {
        await outcome.context.close();
      }

      // The street accepts it; the payment (30 % of ¥100,000) shows on the contract and in the ledger.
      const accept = await newPage(browser, baseUrl);
      try {
        const page = accept.page;
        await signInThroughPage(page, "demo-street");
        await page.goto(contractPath);
        const milestone = page.locator("[data-testid^=milestone-]").first();
        await milestone.getByRole("button", { name: "验收通过" }).click();
        await page.getByRole("button", { name: "确定拨付" }).click();
        await milestone.locator(".ant-tag", { hasText: "已验收" }).first().waitFor();
        await page.getByTestId("paid").getByText("¥30,000.00").waitFor();
        await page.getByRole("menuitem", { name: "资金台账" }).click();
        await page.waitForURL((url) => url.pathname === "/funding-ledger");
        const row = page.getByRole("row").filter({ hasText: "银龄守护计划" });
        await row.getByText("¥30,000.00").waitFor();
        await row.getByText("政府购买").waitFor();
      } finally {
        await accept.context.close();
      }
    },
  );
});
