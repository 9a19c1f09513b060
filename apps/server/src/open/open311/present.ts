import { XMLBuilder } from "fast-xml-parser";
import type { NeedCategory, ServiceTier } from "@sanshe/contracts";
import type { ChannelNeed } from "../../modules/needs/index.js";

/** The two formats of GeoReport v2, picked by the path suffix. */
export type Format = "xml" | "json";

export const contentTypes: Record<Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

type Value = string | number | boolean | null;
type Item = Record<string, Value | Value[] | Record<string, unknown>>;

const builder = new XMLBuilder({ ignoreAttributes: true });

/** XML of a document: nulls become empty elements (GeoReport has no nil). */
function toXml(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(root)}`;
}

/**
 * A GeoReport list document: JSON is the bare array, XML wraps each item in `itemName` inside `rootName`
 * (`<services><service>…</service></services>`).
 */
export function renderList(format: Format, rootName: string, itemName: string, items: Item[]): string {
  if (format === "json") {
    return JSON.stringify(items);
  }
  return toXml({ [rootName]: items.length ? { [itemName]: items } : "" });
}

/** A GeoReport single document (discovery, service definition): JSON object, XML under `rootName`. */
export function renderOne(format: Format, rootName: string, document: Record<string, unknown>, xmlDocument = document): string {
  return format === "json" ? JSON.stringify(document) : toXml({ [rootName]: xmlDocument });
}

/** GeoReport errors: a list of {code, description}. */
export function renderErrors(format: Format, errors: Array<{ code: number; description: string }>): string {
  return renderList(format, "errors", "error", errors);
}

/** Tier names as service groups (服务分层). */
export const tierGroups: Record<ServiceTier, { "zh-CN": string; en: string }> = {
  public: { "zh-CN": "公共服务", en: "Public services" },
  special: { "zh-CN": "特殊服务", en: "Special services" },
  professional: { "zh-CN": "专业服务", en: "Professional services" },
  personalized: { "zh-CN": "个性化服务", en: "Personalized services" },
  developmental: { "zh-CN": "发展性服务", en: "Developmental services" },
};

/** A need category as a GeoReport service: realtime, no extra attributes. */
export function presentService(category: NeedCategory, locale: "zh-CN" | "en"): Item {
  const group = tierGroups[category.tier][locale];
  return {
    service_code: category.code,
    service_name: category.name,
    description:
      locale === "en"
        ? `${category.name}: response within ${category.respond_within_hours} h, resolution within ${category.resolve_within_days} days`
        : `${category.name}：${category.respond_within_hours} 小时内响应，${category.resolve_within_days} 天内办结`,
    metadata: false,
    type: "realtime",
    keywords: category.code.replaceAll("_", ","),
    group,
  };
}

const eventNotes: Record<string, { "zh-CN": string; en: string }> = {
  created: { "zh-CN": "已受理", en: "Received" },
  routed: { "zh-CN": "已分派", en: "Routed" },
  accepted: { "zh-CN": "服务方已接单", en: "Accepted by the provider" },
  declined: { "zh-CN": "服务方已退回，正在重新分派", en: "Declined by the provider; routing again" },
  reassigned: { "zh-CN": "社区已人工分派", en: "Routed by hand by the community" },
  service: { "zh-CN": "服务中", en: "In service" },
  completed: { "zh-CN": "服务已完成，待回访确认", en: "Done; awaiting confirmation" },
  confirmed: { "zh-CN": "已办结", en: "Closed after confirmation" },
  reopened: { "zh-CN": "回访未解决，已重新分派", en: "Not solved; routed again" },
};

/** status_notes: the latest history entry in words, with its reason. */
export function statusNotes(need: ChannelNeed, locale: "zh-CN" | "en"): string | null {
  if (!need.lastEvent) {
    return null;
  }
  const label = eventNotes[need.lastEvent.kind]?.[locale] ?? need.lastEvent.kind;
  return need.lastEvent.reason ? `${label}${locale === "en" ? ": " : "："}${need.lastEvent.reason}` : label;
}

function agency(need: ChannelNeed, locale: "zh-CN" | "en"): string | null {
  if (!need.provider) {
    return null;
  }
  if (need.provider.kind === "community_queue") {
    return locale === "en" ? "Community triage queue" : "社区分派队列";
  }
  return need.provider.name ?? (locale === "en" ? "Social worker" : "社会工作者");
}

/** One need as a GeoReport service request. */
export function presentRequest(need: ChannelNeed, locale: "zh-CN" | "en"): Item {
  return {
    service_request_id: need.id,
    status: need.status === "closed" ? "closed" : "open",
    status_notes: statusNotes(need, locale),
    service_name: need.categoryName,
    service_code: need.category,
    description: need.description,
    agency_responsible: agency(need, locale),
    service_notice: null,
    requested_datetime: need.createdAt.toISOString(),
    updated_datetime: need.updatedAt.toISOString(),
    expected_datetime: need.provider && need.status !== "closed" ? need.provider.resolveBy.toISOString() : null,
    address: need.address,
    address_id: null,
    zipcode: null,
    lat: need.lat,
    long: need.long,
    media_url: need.mediaUrl,
  };
}
