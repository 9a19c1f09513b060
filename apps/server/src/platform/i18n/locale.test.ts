import { describe, expect, it } from "vitest";
import { pickLocale } from "./locale.js";

describe(pickLocale.name, () => {
  it.each([
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR, en;q=0.5", "en"],
    ["en;q=0.2, zh-TW;q=0.8", "zh-CN"],
    ["de", "zh-CN"],
  ])("%s → %s", (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});
