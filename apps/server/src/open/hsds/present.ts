import type { PublicSocialOrg } from "@sanshe/contracts";
import type { ServiceRow } from "../../modules/services-directory/index.js";
import type { PublicFacility } from "../../modules/communities/index.js";
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

/** What a service's location needs besides the row: its facility (if any) and area names. */
export type LocationFacts = { facilities: ReadonlyMap<string, PublicFacility>; areaNames: ReadonlyMap<string, string> };

/** The area whose province, city and district name the location's address. */
function locationArea(row: ServiceRow, facilities: ReadonlyMap<string, PublicFacility>): string {
  const facility = row.locationFacilityId ? facilities.get(row.locationFacilityId) : undefined;
  return facility?.areaCode ?? row.communityCode ?? row.areaCode;
}

/** Area codes to look up for the locations of these rows (the area and its province, city, district). */
export function locationAreaCodes(rows: readonly ServiceRow[], facilities: ReadonlyMap<string, PublicFacility>): string[] {
  return rows.flatMap((row) => {
    const code = locationArea(row, facilities);
    return [2, 4, 6, 9, 12].filter((length) => length <= code.length).map((length) => code.slice(0, length));
  });
}

/**
 * The service's place as an HSDS location: a community facility (named by the facility, addressed by
 * its community) or a free-text address, with one physical address whose city, region (district) and
 * state_province come from the 统计用区划代码 names; country CN. No postal code is held, so it is
 * empty (the schema requires the member). Null when the service names no place.
 */
export function presentLocation(row: ServiceRow, facts: LocationFacts) {
  const facility = row.locationFacilityId ? facts.facilities.get(row.locationFacilityId) : undefined;
  if (!facility && !row.locationAddress) {
    return null;
  }
  const code = locationArea(row, facts.facilities);
  const name = (length: number) => (code.length >= length ? (facts.areaNames.get(code.slice(0, length)) ?? "") : "");
  const id = facility ? uuidV5(`facility-location:${facility.id}`) : uuidV5(`location:${row.id}`);
  const community = code.length === 12 ? name(9) + name(12) : "";
  const address1 = row.locationAddress ?? [community, facility?.name ?? ""].filter(Boolean).join(" ");
  return {
    id,
    location_type: "physical",
    name: facility?.name ?? row.locationAddress ?? "",
    description: facility
      ? `${[community, facility.name].filter(Boolean).join(" ")}${facility.openingHours ? `（开放时间：${facility.openingHours}）` : ""}`
      : address1,
    addresses: [
      {
        id: uuidV5(`address:${id}`),
        location_id: id,
        address_1: address1,
        city: name(4),
        ...(name(6) ? { region: name(6) } : {}),
        state_province: name(2),
        postal_code: "",
        country: "CN",
        address_type: "physical",
      },
    ],
  };
}

/**
 * A published service in HSDS shape: phones, the schedule as a text description, cost options in
 * yuan (CNY), service areas, the address as a location, and attributes linking to the category and
 * tier terms; `organization` nested when given.
 */
export function presentService(row: ServiceRow, facts: LocationFacts, organization?: PublicSocialOrg) {
  const id = row.id;
  const areaNames = facts.areaNames;
  const location = presentLocation(row, facts);
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
    service_at_locations: location
      ? [{ id: uuidV5(`service-at-location:${id}:${location.id}`), service_id: id, location_id: location.id, location }]
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
