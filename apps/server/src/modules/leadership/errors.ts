import { defineErrors } from "../../platform/errors/catalog.js";

/** The leadership module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const leadershipErrors = defineErrors({
  /** A leadership group of that name already exists in the area. */
  LEADERSHIP_GROUP_EXISTS: {
    status: 409,
    "zh-CN": ["领导小组已存在", "该辖区已有名为“{name}”的领导小组。"],
    en: ["Leadership group exists", "This area already has a leadership group named “{name}”."],
  },
  /** The area already has a plan for that year (one implementation plan per area and year). */
  PLAN_EXISTS: {
    status: 409,
    "zh-CN": ["实施方案已存在", "该辖区 {year} 年的实施方案已存在，请编辑已有方案。"],
    en: ["Plan exists", "This area already has a plan for {year}; edit that plan instead."],
  },
  /** Progress was reported on a target whose value is computed from live data. */
  PLAN_TARGET_COMPUTED: {
    status: 409,
    "zh-CN": ["进度由系统计算", "该目标的进度由平台数据自动计算，无需填报。"],
    en: ["Progress is computed", "This target's progress is computed from live data; it is not reported."],
  },
  /** Progress was reported by someone who neither owns nor manages the target. */
  PLAN_TARGET_NOT_OWNER: {
    status: 403,
    "zh-CN": ["无权填报", "只有目标的责任单位、责任人或方案管理者可以填报进度。"],
    en: ["Not the owner", "Only the target's owner department, owner or the plan's managers may report progress."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof leadershipErrors, true> {}
}
