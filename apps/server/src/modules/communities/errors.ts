import { defineErrors } from "../../platform/errors/catalog.js";

/** The communities module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const communitiesErrors = defineErrors({
  /** The community already has a facility of this type with this name. */
  FACILITY_EXISTS: {
    status: 409,
    "zh-CN": ["设施已存在", "该社区已有同类型、同名称的设施。"],
    en: ["Facility exists", "The community already has a facility of this type and name."],
  },
  /** The community already has a grid with this name. */
  GRID_EXISTS: {
    status: 409,
    "zh-CN": ["网格已存在", "该社区已有同名网格。"],
    en: ["Grid exists", "The community already has a grid with this name."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof communitiesErrors, true> {}
}
