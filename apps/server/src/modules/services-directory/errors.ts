import { defineErrors } from "../../platform/errors/catalog.js";

/** The services-directory module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const servicesDirectoryErrors = defineErrors({
  /** A service's provider is inconsistent: an organization service needs organization_id, a community service community_code, a commercial service area_code. */
  SERVICE_PROVIDER_INVALID: {
    status: 400,
    "zh-CN": ["服务提供方有误", "社会组织服务须指定组织，社区服务须指定社区，市场主体服务须指定所在区划。"],
    en: [
      "Invalid provider",
      "An organization service needs organization_id, a community service community_code, a commercial service area_code.",
    ],
  },
  /** A paid service without a (positive) price in fen. */
  SERVICE_PRICE_REQUIRED: {
    status: 400,
    "zh-CN": ["缺少价格", "有偿服务须填写价格（以分为单位的正整数）。"],
    en: ["Price required", "A paid service needs a positive price in fen."],
  },
  /** The minimum age is above the maximum age. */
  SERVICE_AGE_RANGE: {
    status: 400,
    "zh-CN": ["年龄范围有误", "最小年龄不能大于最大年龄。"],
    en: ["Invalid age range", "The minimum age cannot exceed the maximum age."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof servicesDirectoryErrors, true> {}
}
