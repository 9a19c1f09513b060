import { describe, expect, it } from "vitest";
import { richTextToPlain, sanitizeRichText } from "./sanitize.js";

describe(sanitizeRichText.name, () => {
  it("removes script, event handlers, javascript: links, styles and iframes", () => {
    const dirty =
      '<p onclick="x()">通知<script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点我</a>' +
      '<iframe src="https://evil.example"></iframe><p style="color:red">正文</p>';
    const clean = sanitizeRichText(dirty);
    expect(clean).not.toMatch(/script|onerror|onclick|javascript:|iframe|style=/i);
    expect(clean).toContain("通知");
    expect(clean).toContain("正文");
  });

  it("keeps paragraphs, lists, emphasis and safe links (opened apart)", () => {
    const clean = sanitizeRichText('<h2>标题</h2><ul><li><strong>一</strong></li></ul><a href="https://zz.gov.cn/x">链接</a>');
    expect(clean).toBe(
      '<h2>标题</h2><ul><li><strong>一</strong></li></ul><a href="https://zz.gov.cn/x" rel="noopener noreferrer nofollow" target="_blank">链接</a>',
    );
  });

  it("gives the plain text for e-mails and emptiness checks", () => {
    expect(richTextToPlain("<p>周五 &amp; 周六</p><p>停水</p>")).toBe("周五 & 周六 停水");
    expect(richTextToPlain(sanitizeRichText("<script>x</script>"))).toBe("");
  });
});
