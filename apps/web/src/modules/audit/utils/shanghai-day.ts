/** Offset of Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET = "+08:00";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-03-01` → `2026-03-01T00:00:00+08:00`: the first instant of that day in Shanghai. */
export function startOfShanghaiDay(day: string): string | undefined {
  return DAY_PATTERN.test(day) ? `${day}T00:00:00${SHANGHAI_OFFSET}` : undefined;
}

/** `2026-03-31` → `2026-04-01T00:00:00+08:00`: the exclusive end of that day in Shanghai. */
export function endOfShanghaiDay(day: string): string | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) {
    return undefined;
  }
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  const text = next.toISOString().slice(0, 10);
  return `${text}T00:00:00${SHANGHAI_OFFSET}`;
}
