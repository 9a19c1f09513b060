import { serviceCategories, ServiceListQuerySchema, serviceTiers, type Service, type ServiceListQuery } from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { listServices } from "./queries.js";

const priceLabels = { free: "免费", low_cost: "低偿", paid: "有偿" } as const;
const statusLabels = { draft: "草稿", published: "已发布", retired: "已下线" } as const;
const providerLabels = { organization: "社会组织", community: "社区", commercial: "市场主体" } as const;

const headers = {
  name: ["服务名称", "Name"],
  category: ["类别", "Category"],
  tier: ["服务层级", "Tier"],
  provider_kind: ["提供方类型", "Provider type"],
  provider_name: ["提供方", "Provider"],
  price_kind: ["收费方式", "Price"],
  price_yuan: ["价格（元）", "Price (yuan)"],
  service_area_codes: ["服务区域代码", "Areas served"],
  schedule: ["服务时间", "Opening hours"],
  location_address: ["服务地点", "Address"],
  contact_phone: ["联系电话", "Phone"],
  status: ["状态", "Status"],
} as const;

/** Export of the services a publisher sees (the list's filters apply). */
export const servicesExport: ExportSpec<ServiceListQuery, Service> = {
  kind: "services",
  permission: "services.write",
  filterSchema: ServiceListQuerySchema,
  columns: exportColumns(headers, {
    name: (item) => item.name,
    category: (item) => serviceCategories[item.category]["zh-CN"],
    tier: (item) => serviceTiers[item.tier]["zh-CN"],
    provider_kind: (item) => providerLabels[item.provider_kind],
    provider_name: (item) => item.provider_name,
    price_kind: (item) => priceLabels[item.price_kind],
    price_yuan: (item) => (item.price_fen === null ? null : item.price_fen / 100),
    service_area_codes: (item) => item.service_area_codes.join(","),
    schedule: (item) => item.schedule,
    location_address: (item) => item.location_address,
    contact_phone: (item) => item.contact_phone,
    status: (item) => statusLabels[item.status],
  }),
  page: exportPages(listServices),
};
