import { defineErrors } from "../../../platform/errors/catalog.js";

/** The workload picture's error codes: HTTP status and zh-CN/en title and detail. */
export const workloadErrors = defineErrors({
  /** The period ends before it starts. */
  WORKLOAD_PERIOD_INVERTED: {
    status: 400,
    "zh-CN": ["统计期间有误", "结束日期（{to}）早于开始日期（{from}）。"],
    en: ["Period inverted", "The last day ({to}) is before the first day ({from})."],
  },
  /** The period is longer than the picture covers. */
  WORKLOAD_PERIOD_TOO_LONG: {
    status: 400,
    "zh-CN": ["统计期间过长", "统计期间最长 {years} 年，请缩短日期范围。"],
    en: ["Period too long", "The period may span at most {years} years; shorten it."],
  },
});

declare module "../../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof workloadErrors, true> {}
}
