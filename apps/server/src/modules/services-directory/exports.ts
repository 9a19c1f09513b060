import { serviceCategories, ServiceListQuerySchema, serviceTiers, type Service, type ServiceListQuery } from "@sanshe/contracts";
import type { ExportSpec } from "../../platform/module.js";
import { listServices } from "./queries.js";

const priceLabels = { free: "免费", low_cost: "低偿", paid: "有偿" } as const;
const statusLabels = { draft: "草稿", published: "已发布", retired: "已下线" } as const;
const providerLabels = { organization: "社会组织", community: "社区", commercial: "市场主体" } as const;

/** Export of the services a publisher sees (the list's filters apply). */
export const servicesExport: ExportSpec<ServiceListQuery, Service> = {
  kind: "services",
  permission: "services.write",
  filterSchema: ServiceListQuerySchema,
  columns: [
    { key: "name", header: "服务名称", header_en: "Name", value: (item) => item.name },
    { key: "category", header: "类别", header_en: "Category", value: (item) => serviceCategories[item.category]["zh-CN"] },
    { key: "tier", header: "服务层级", header_en: "Tier", value: (item) => serviceTiers[item.tier]["zh-CN"] },
    { key: "provider_kind", header: "提供方类型", header_en: "Provider type", value: (item) => providerLabels[item.provider_kind] },
    { key: "provider_name", header: "提供方", header_en: "Provider", value: (item) => item.provider_name },
    { key: "price_kind", header: "收费方式", header_en: "Price", value: (item) => priceLabels[item.price_kind] },
    {
      key: "price_yuan",
      header: "价格（元）",
      header_en: "Price (yuan)",
      value: (item) => (item.price_fen === null ? null : item.price_fen / 100),
    },
    { key: "service_area_codes", header: "服务区域代码", header_en: "Areas served", value: (item) => item.service_area_codes.join(",") },
    { key: "schedule", header: "服务时间", header_en: "Opening hours", value: (item) => item.schedule },
    { key: "location_address", header: "服务地点", header_en: "Address", value: (item) => item.location_address },
    { key: "contact_phone", header: "联系电话", header_en: "Phone", value: (item) => item.contact_phone },
    { key: "status", header: "状态", header_en: "Status", value: (item) => statusLabels[item.status] },
  ],
  page: (ctx, filter, cursor, limit) => listServices(ctx, { ...filter, cursor, limit }),
};
