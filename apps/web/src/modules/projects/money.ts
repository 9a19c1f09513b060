/** Money is held in integer fen (分) everywhere on the server; people read and type 元. */

const yuanFormat = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", minimumFractionDigits: 2 });

/** 123456 → "¥1,234.56". */
export function formatFen(fen: number): string {
  return yuanFormat.format(fen / 100);
}

/** 1234.56 (元, as an InputNumber gives it) → 123456 fen; rounds to the nearest fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 123456 fen → 1234.56 元, for an InputNumber's initial value. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
