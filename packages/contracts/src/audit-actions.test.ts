import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./audit-actions.js";

describe(auditActionLabel.name, () => {
  it("reads a whole-action label, else object and verb, in each language", () => {
    expect(auditActionLabel("session.create", "zh-CN")).toBe("登录");
    expect(auditActionLabel("cases.read", "zh-CN")).toBe("个案 · 查阅");
    expect(auditActionLabel("cases.read", "en")).toBe("Case: read");
    expect(auditActionLabel("exports.audit-log", "zh-CN")).toBe("数据导出 · 审计日志");
  });

  it("never shows a code the tables do not name", () => {
    expect(auditActionLabel("nothing.known", "zh-CN")).toBe("其他操作");
    expect(auditActionLabel("cases.unheard_of", "en")).toBe("Other action");
  });
});
