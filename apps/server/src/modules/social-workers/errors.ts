import { defineErrors } from "../../platform/errors/catalog.js";

/** The social-workers module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const socialWorkersErrors = defineErrors({
  /** A social worker with this certificate number is already registered. */
  SOCIAL_WORKER_EXISTS: {
    status: 409,
    "zh-CN": ["社工已登记", "该证书编号的社会工作者已经登记。"],
    en: ["Social worker exists", "A social worker with this certificate number is already registered."],
  },
  /** A social worker cannot be their own supervisor (督导). */
  SUPERVISOR_SELF: {
    status: 400,
    "zh-CN": ["督导设置有误", "社会工作者不能担任自己的督导。"],
    en: ["Invalid supervisor", "A social worker cannot supervise themselves."],
  },
  /** The supervisor is not a registered social worker visible to the caller. */
  SUPERVISOR_UNKNOWN: {
    status: 400,
    "zh-CN": ["督导不存在", "所选督导不存在或不在您的管辖范围内。"],
    en: ["Unknown supervisor", "The supervisor does not exist or is outside your scope."],
  },
  /** The account to link does not exist. */
  ACCOUNT_UNKNOWN: {
    status: 400,
    "zh-CN": ["账号不存在", "要关联的账号不存在。"],
    en: ["Unknown account", "The account to link does not exist."],
  },
  /** The account to link to a social-worker record is not a social-worker account of its organization, or is linked to another record. */
  ACCOUNT_NOT_LINKABLE: {
    status: 400,
    "zh-CN": ["不能关联该账号", "只能关联本机构的社工账号，且该账号未关联其他社工档案。"],
    en: ["Account cannot be linked", "Link a social-worker account of this organization that is not linked to another worker record."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof socialWorkersErrors, true> {}
}
