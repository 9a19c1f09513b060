import { defineErrors } from "../../platform/errors/catalog.js";

/** The social-orgs module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const socialOrgsErrors = defineErrors({
  /** Another social organization already holds this 统一社会信用代码 (its details are not revealed). */
  SOCIAL_ORG_EXISTS: {
    status: 409,
    "zh-CN": ["社会组织已存在", "已有社会组织使用该统一社会信用代码。"],
    en: ["Organization exists", "Another organization already uses this unified social credit code."],
  },
  /** Org staff tried to change fields only the registering authority may set; `errors[]` names them. */
  FIELDS_NOT_EDITABLE: {
    status: 403,
    "zh-CN": ["无权修改这些字段", "以下字段只能由登记管理机关修改：{fields}。"],
    en: ["Fields not editable", "Only the registering authority may change: {fields}."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof socialOrgsErrors, true> {}
}
