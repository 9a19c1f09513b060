import type { PublicSocialOrg } from "@sanshe/contracts";
import type { ServiceRow } from "../../modules/services-directory/index.js";
import { categoryTerm, presentTerm, tierTerm, type Term } from "./taxonomy.js";
import { uuidV5 } from "./uuid.js";

const groupLabels: Record<string, string> = {
  elderly_alone: "独居老人",
  disabled: "残疾人",
  veteran_family: "优抚对象",
  low_income: "低收入家庭",
  minor: "未成年人",
  unemployed: "失业人员",
  migrant: "流动人口",
};

const priceLabels = { free: "免费", low_cost: "低偿", paid: "有偿" } as const;

/** Fen (integer) to yuan (number with two decimals at most). */
export function yuan(fen: number): number {
  return Math.round(fen) / 100;
}

function feesDescription(row: ServiceRow): string {
  return row.priceFen !== null && row.priceKind !== "free"
    ? `${priceLabels[row.priceKind]} ¥${yuan(row.priceFen).toFixed(2)}`
    : priceLabels[row.priceKind];
}

function eligibility(row: ServiceRow): string | undefined {
  const parts: string[] = [];
  if (row.eligibilityGroups.length > 0) {
    parts.push(`对象：${row.eligibilityGroups.map((group) => groupLabels[group] ?? group).join("、")}`);
  }
  if (row.minAge !== null || row.maxAge !== null) {
    parts.push(`年龄：${row.minAge ?? 0}${row.maxAge !== null ? `–${row.maxAge}` : " 岁以上"}${row.maxAge !== null ? " 岁" : ""}`);
  }
  return parts.length > 0 ? parts.join("；") : undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An organization's public profile in HSDS shape (public fields only). */
export function presentOrganization(org: PublicSocialOrg) {
  return {
    id: org.id,
    name: org.name,
    description: org.description ?? org.name,
    ...(org.contact_email && emailPattern.test(org.contact_email) ? { email: org.contact_email } : {}),
    ...(org.legal_form ? { legal_status: org.legal_form } : {}),
    phones: org.contact_phone ? [{ id: uuidV5(`organization-phone:${org.id}`), organization_id: org.id, number: org.contact_phone }] : [],
  };
}

function attribute(serviceId: string, term: Term | undefined, linkType: string) {
  if (!term) {
    return [];
  }
  return [
    {
      id: uuidV5(`attribute:${serviceId}:${term.id}`),
      link_id: serviceId,
      link_type: linkType,
      link_entity: "service",
      taxonomy_term_id: term.id,
      taxonomy_term: presentTerm(term),
    },
  ];
}

/**
 * A published service in HSDS shape: phones, the schedule as a text description, cost options in
 * yuan (CNY), service areas, the address as a location, and attributes linking to the category and
 * tier terms; `organization` nested when given.
 */
export function presentService(row: ServiceRow, areaNames: ReadonlyMap<string, string>, organization?: PublicSocialOrg) {
  const id = row.id;
  const locationId = uuidV5(`location:${id}`);
  const description = eligibility(row);
  return {
    id,
    ...(row.organizationId ? { organization_id: row.organizationId } : {}),
    name: row.name,
    description: row.description,
    status: "active",
    fees_description: feesDescription(row),
    ...(description ? { eligibility_description: description } : {}),
    ...(row.minAge !== null ? { minimum_age: row.minAge } : {}),
    ...(row.maxAge !== null ? { maximum_age: row.maxAge } : {}),
    last_modified: row.updatedAt.toISOString(),
    phones: row.contactPhone ? [{ id: uuidV5(`phone:${id}`), service_id: id, number: row.contactPhone }] : [],
    schedules: row.schedule ? [{ id: uuidV5(`schedule:${id}`), service_id: id, description: row.schedule, timezone: 8 }] : [],
    service_areas: row.serviceAreaCodes.map((code) => ({
      id: uuidV5(`service-area:${id}:${code}`),
      service_id: id,
      name: areaNames.get(code) ?? code,
      description: `统计用区划代码 ${code}`,
    })),
    service_at_locations: row.locationAddress
      ? [
          {
            id: uuidV5(`service-at-location:${id}`),
            service_id: id,
            location_id: locationId,
            location: { id: locationId, location_type: "physical", name: row.locationAddress, description: row.locationAddress },
          },
        ]
      : [],
    cost_options: [
      {
        id: uuidV5(`cost-option:${id}`),
        service_id: id,
        option: priceLabels[row.priceKind],
        currency: "CNY",
        amount: row.priceKind === "free" ? 0 : yuan(row.priceFen ?? 0),
        amount_description: feesDescription(row),
      },
    ],
    languages: [{ id: uuidV5(`language:${id}:zh`), service_id: id, name: "中文", code: "zh" }],
    attributes: [...attribute(id, categoryTerm(row.category), "category"), ...attribute(id, tierTerm(row.tier), "tier")],
    ...(organization ? { organization: presentOrganization(organization) } : {}),
  };
}
