import type { Ctx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { defineErrors, fieldMessages } from "../../platform/errors/catalog.js";

/** The meetings module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const meetingsErrors = defineErrors({
  /** A joint meeting cannot take this step in its current status (e.g. minutes before it is held). */
  MEETING_STATE: {
    status: 409,
    "zh-CN": ["会议状态不允许", "会议当前为“{status}”，不能进行此操作。"],
    en: ["Not allowed in this status", "The meeting is {status}; this step is not possible now."],
  },
  /** A meeting is marked minuted before any minutes were written. */
  MEETING_NO_MINUTES: {
    status: 409,
    "zh-CN": ["尚无会议纪要", "请先填写会议纪要，再标记为已形成纪要。"],
    en: ["No minutes yet", "Write the minutes before marking the meeting minuted."],
  },
  /** Finalized minutes (a minuted meeting) are read-only: a change is an amendment with a reason. */
  MINUTES_FINALIZED: {
    status: 409,
    "zh-CN": ["纪要已定稿", "会议纪要已定稿，不能直接修改。如需更正，请提交修订并说明理由，修订将作为新版本留存。"],
    en: [
      "Minutes are final",
      "The minutes are final and cannot be edited. Amend them with a reason; the amendment is kept as a new version.",
    ],
  },
  /** Self sign-in by QR code outside the hour before the start and after the end. */
  MEETING_SIGN_IN_CLOSED: {
    status: 409,
    "zh-CN": ["不在签到时间", "扫码签到仅在会议开始前 1 小时至结束后 1 小时内开放。"],
    en: ["Sign-in closed", "QR sign-in is open from an hour before the meeting until an hour after it ends."],
  },
  /** An action item cannot take this step in its status (e.g. accepting an item not reported done). */
  ACTION_ITEM_STATE: {
    status: 409,
    "zh-CN": ["督办事项状态不允许", "督办事项当前状态为“{status}”，不能进行此操作。"],
    en: ["Not allowed in this status", "The action item is {status}; this step is not possible now."],
  },
  /** A meeting cannot be marked held before its start time. */
  MEETING_NOT_STARTED: {
    status: 409,
    "zh-CN": ["会议尚未开始", "会议开始时间（{starts_at}）之前不能标记为已召开。"],
    en: ["Meeting not started", "The meeting cannot be marked held before it starts ({starts_at})."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof meetingsErrors, true> {}
}

/** A VALIDATION_FAILED problem with one field issue (its message in the caller's locale). */
export function fieldError(ctx: Ctx, path: string, code: string): AppError {
  const message = fieldMessages[code]?.[ctx.locale] ?? code;
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path, code, message }] });
}
