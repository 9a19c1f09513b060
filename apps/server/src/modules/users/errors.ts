import { defineErrors } from "../../platform/errors/catalog.js";

/** The users module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const usersErrors = defineErrors({
  /**
   * Login name or password is wrong; also for disabled and locked accounts, so the answer never tells
   * which logins exist.
   */
  INVALID_CREDENTIALS: {
    status: 401,
    "zh-CN": ["登录失败", "账号或密码不正确；连续多次失败后账号将被临时锁定。"],
    en: ["Sign-in failed", "The login or password is incorrect; after repeated failures the account is locked for a while."],
  },
  /** Nobody may change their own memberships or disable themselves. */
  SELF_MEMBERSHIP_EDIT: {
    status: 403,
    "zh-CN": ["不能修改本人权限", "不能修改自己的角色、辖区或账号状态。"],
    en: ["Cannot edit yourself", "You cannot change your own roles, scope or status."],
  },
  /** The login name is already used by another account. */
  LOGIN_TAKEN: { status: 409, "zh-CN": ["账号已存在", "该登录名已被使用。"], en: ["Login taken", "This login name is already in use."] },
  /** The same role and scope is already granted to this user. */
  MEMBERSHIP_EXISTS: {
    status: 409,
    "zh-CN": ["角色已存在", "该用户已拥有此角色和辖区。"],
    en: ["Membership exists", "The user already holds this role in this area."],
  },
  /** The membership does not fit its role: e.g. a resident needs a community code, org staff an organization. */
  MEMBERSHIP_INVALID: { status: 400, "zh-CN": ["角色设置有误", "{reason}"], en: ["Invalid membership", "{reason}"] },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof usersErrors, true> {}
}
