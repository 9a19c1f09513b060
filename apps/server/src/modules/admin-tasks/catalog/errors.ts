import { defineErrors } from "../../../platform/errors/catalog.js";

/** The catalogue's error codes (社区工作事项清单): HTTP status and zh-CN/en title and detail. */
export const catalogErrors = defineErrors({
  /** An item with this title is already on this list of this area's catalogue. */
  CATALOG_ITEM_EXISTS: {
    status: 409,
    "zh-CN": ["事项已存在", "该区划的这一清单中已有同名事项“{title}”。"],
    en: ["Item already listed", "This list of the area's catalogue already has an item titled “{title}”."],
  },
  /** A catalogue item an administrative task refers to cannot be removed. */
  CATALOG_ITEM_IN_USE: {
    status: 409,
    "zh-CN": ["事项已被引用", "已有 {count} 项行政事务申请引用该事项，不能删除；可修改其内容。"],
    en: ["Item in use", "{count} administrative task(s) refer to this item; it cannot be removed, only edited."],
  },
  /** A catalogue belongs to a district or a city, not to a street or community. */
  CATALOG_AREA_LEVEL: {
    status: 400,
    "zh-CN": ["区划层级不符", "工作事项清单只能按区（县）或市制定，请选择区县或市的区划代码。"],
    en: ["Wrong area level", "A catalogue is kept by a district or a city: choose a district or city code."],
  },
});

declare module "../../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof catalogErrors, true> {}
}
