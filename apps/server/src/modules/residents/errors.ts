import { defineErrors } from "../../platform/errors/catalog.js";

/** The residents module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const residentsErrors = defineErrors({
  /** A resident with this ID number is already registered in the city; `existing_id` only when it lies in the caller's scope. */
  RESIDENT_EXISTS: {
    status: 409,
    "zh-CN": ["居民已登记", "该身份证号码的居民已经登记，不能重复登记。"],
    en: ["Resident exists", "A resident with this ID number is already registered."],
  },
  /** A resident and a household (or its head) must be in the same community. */
  HOUSEHOLD_AREA_MISMATCH: {
    status: 422,
    "zh-CN": ["不在同一社区", "居民与户必须属于同一社区。"],
    en: ["Different community", "The resident and the household must belong to the same community."],
  },
  /** An imported row names a head of household (户主身份证号) who is not registered in the same community. */
  HOUSEHOLD_HEAD_UNKNOWN: {
    status: 422,
    "zh-CN": ["户主未登记", "户主身份证号对应的居民未在同一社区登记，请先导入户主。"],
    en: ["Unknown head of household", "The head of household is not registered in the same community; import the head first."],
  },
  /** A move must go to another registered community. */
  RESIDENT_MOVE_INVALID: {
    status: 422,
    "zh-CN": ["迁移无效", "迁入社区须为另一个已登记的社区。"],
    en: ["Invalid move", "The destination must be another registered community."],
  },
  /**
   * Self link refused: name, ID number and phone do not all match one unlinked resident of the
   * account's community. The same answer whatever did not match, so it tells nothing about who is registered.
   */
  RESIDENT_LINK_NO_MATCH: {
    status: 422,
    "zh-CN": ["未能绑定居民档案", "姓名、身份证号码和手机号码未能与本社区的居民档案对应。请核对，或到社区居委会办理绑定。"],
    en: [
      "No matching resident record",
      "The name, ID number and phone did not match a resident record of your community. Check them, or ask your community office to link your account.",
    ],
  },
  /** Too many self-link attempts from this account; retry after the Retry-After seconds. */
  RESIDENT_LINK_RATE_LIMITED: {
    status: 429,
    "zh-CN": ["尝试次数过多", "绑定尝试次数过多，请一小时后再试，或到社区居委会办理绑定。"],
    en: ["Too many attempts", "Too many link attempts; try again in an hour, or ask your community office."],
  },
  /** The account is already linked to a resident record (unlink it first). */
  RESIDENT_LINK_EXISTS: {
    status: 409,
    "zh-CN": ["已绑定居民档案", "该账号已绑定居民档案，如需更换请先解除绑定。"],
    en: ["Already linked", "This account is already linked to a resident record; unlink it first."],
  },
  /** Staff link refused: the resident record is linked to another account, or lies outside the account's community. */
  RESIDENT_LINK_INVALID: {
    status: 422,
    "zh-CN": ["无法绑定", "该居民档案已绑定其他账号，或不在该账号所属社区：{reason}。"],
    en: ["Cannot link", "The resident record is linked to another account or lies outside the account's community: {reason}."],
  },
  /** The account has no linked resident record (self view of the register). */
  RESIDENT_NOT_LINKED: {
    status: 404,
    "zh-CN": ["未绑定居民档案", "该账号尚未绑定居民档案。"],
    en: ["Not linked", "This account is not linked to a resident record."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof residentsErrors, true> {}
}
