import { defineErrors } from "../../platform/errors/catalog.js";

/** The cases module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const casesErrors = defineErrors({
  /** A case cannot take this step in its current stage (e.g. sessions before the plan, closing from intake). */
  CASE_STATE: {
    status: 409,
    "zh-CN": ["个案阶段不允许", "个案当前处于“{status}”阶段，不能{action}。"],
    en: ["Not allowed at this stage", "The case is at stage {status}; it cannot {action}."],
  },
  /** Closing a case whose plan still has open goals, without stating why. */
  CASE_OPEN_GOALS: {
    status: 409,
    "zh-CN": ["仍有未完成的目标", "服务计划中还有 {count} 个未完成的目标；请先更新目标状态，或填写提前结案的原因。"],
    en: ["Goals still open", "{count} goals of the plan are still open; update them first or give a reason for closing anyway."],
  },
  /** Opening a case needs a social worker record linked to the caller's account. */
  CASE_NO_WORKER: {
    status: 403,
    "zh-CN": ["没有社工档案", "您的账号未关联社工档案，不能开设个案。"],
    en: ["No social worker record", "Your account is not linked to a social worker record; you cannot open cases."],
  },
  /** A case was already opened from this referral; `existing_id` names it. */
  CASE_EXISTS: {
    status: 409,
    "zh-CN": ["已开案", "该转介已经开设了个案，请打开已有的个案。"],
    en: ["Case already open", "A case was already opened from this referral; open the existing case."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof casesErrors, true> {}
}
