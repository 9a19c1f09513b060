import { describe, expect, it } from "vitest";
import { fenToCapital, fenToYuan, formatFen, yuanToFen } from "./money";

describe("money in fen", () => {
  it("formats fen as yuan with two decimals and thousands separators", () => {
    expect(formatFen(123456)).toBe("¥1,234.56");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(100000000)).toBe("¥1,000,000.00");
  });

  it("turns typed yuan into whole fen, rounding to the nearest fen", () => {
    expect(yuanToFen(1234.56)).toBe(123456);
    // 0.1 + 0.2 style binary fractions must not lose a fen
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(1.005)).toBe(100);
    expect(yuanToFen(0.016)).toBe(2);
    expect(Number.isInteger(yuanToFen(33.33))).toBe(true);
  });

  it("gives back the yuan an InputNumber starts from", () => {
    expect(fenToYuan(123456)).toBe(1234.56);
    expect(fenToYuan(yuanToFen(88.8))).toBe(88.8);
  });
});

describe(fenToCapital.name, () => {
  it("writes whole yuan in capitals with 整, one 零 for each run of zeros", () => {
    expect(fenToCapital(0)).toBe("零元整");
    expect(fenToCapital(30_000_000)).toBe("叁拾万元整");
    expect(fenToCapital(100_100_000)).toBe("壹佰万零壹仟元整");
    expect(fenToCapital(1_000_100_000_00)).toBe("壹拾亿零壹拾万元整");
    expect(fenToCapital(10_000_000_000)).toBe("壹亿元整");
  });

  it("adds 角 and 分, with 零 for a missing 角 after the yuan", () => {
    expect(fenToCapital(123_456)).toBe("壹仟贰佰叁拾肆元伍角陆分");
    expect(fenToCapital(123_405)).toBe("壹仟贰佰叁拾肆元零伍分");
    expect(fenToCapital(123_450)).toBe("壹仟贰佰叁拾肆元伍角");
    expect(fenToCapital(5)).toBe("伍分");
    expect(fenToCapital(50)).toBe("伍角");
  });
});
