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

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const PLACES = ["", "拾", "佰", "仟"];
const GROUPS = ["", "万", "亿", "万亿"];

/** 123405 fen → "壹仟贰佰叁拾肆元零伍分": the amount in Chinese capitals (大写), as contracts and vouchers write it. */
export function fenToCapital(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let words = "";
  let zeros = 0;
  let groupHasDigit = false;
  const digits = String(yuan);
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[index]);
    const position = digits.length - 1 - index;
    if (digit === 0) {
      zeros += 1;
    } else {
      words += `${zeros > 0 && words !== "" ? "零" : ""}${DIGITS[digit]}${PLACES[position % 4]}`;
      zeros = 0;
      groupHasDigit = true;
    }
    if (position % 4 === 0 && position > 0 && groupHasDigit) {
      words += GROUPS[position / 4];
      groupHasDigit = false;
    }
  }
  if (jiao === 0 && cents === 0) {
    return `${words || "零"}元整`;
  }
  const whole = words ? `${words}元` : "";
  const tenth = jiao > 0 ? `${DIGITS[jiao]}角` : whole ? "零" : "";
  return `${whole}${tenth}${cents > 0 ? `${DIGITS[cents]}分` : ""}`;
}
