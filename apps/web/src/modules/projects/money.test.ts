import { describe, expect, it } from "vitest";
import { fenToYuan, formatFen, yuanToFen } from "./money";

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
