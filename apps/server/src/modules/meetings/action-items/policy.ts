import type { Ctx } from "../../../platform/ctx.js";

/** Today's date (YYYY-MM-DD) in China Standard Time, from the ctx clock: due dates are local dates. */
export function todayIn(ctx: Ctx): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    ctx.now(),
  );
}
