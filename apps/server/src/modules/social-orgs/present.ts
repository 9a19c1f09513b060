import type { FundingSource, PublicSocialOrg, SocialOrg, SocialOrgListItem } from "@sanshe/contracts";
import type { socialOrgs } from "./schema.js";

export type SocialOrgRow = typeof socialOrgs.$inferSelect;
export type StationRow = { orgId: string; areaCode: string; since: string | null };
export type ServiceAreaRow = { orgId: string; areaCode: string };

export function presentListItem(row: SocialOrgRow, areaNames: Map<string, string>): SocialOrgListItem {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    legal_form: row.legalForm,
    registration: row.registration,
    category: row.category,
    grade: row.grade,
    grade_year: row.gradeYear,
    area_code: row.areaCode,
    area_name: areaNames.get(row.areaCode) ?? row.areaCode,
    founded_on: row.foundedOn,
    staff_count: row.staffCount,
    social_worker_count: row.socialWorkerCount,
    funding_sources: row.fundingSources as FundingSource[],
    status: row.status,
    is_social_work_agency: row.isSocialWorkAgency,
    description: row.description,
    contact_phone: row.contactPhone,
    contact_address: row.contactAddress,
    contact_email: row.contactEmail,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function presentSocialOrg(
  row: SocialOrgRow,
  serviceAreas: ServiceAreaRow[],
  stations: StationRow[],
  areaNames: Map<string, string>,
): SocialOrg {
  return {
    ...presentListItem(row, areaNames),
    service_areas: serviceAreas.map((area) => ({ area_code: area.areaCode, area_name: areaNames.get(area.areaCode) ?? area.areaCode })),
    stations: stations.map((station) => ({
      area_code: station.areaCode,
      area_name: areaNames.get(station.areaCode) ?? station.areaCode,
      since: station.since,
    })),
  };
}

/** Public fields only: no credit code, counts, funding, status or home area. */
export function presentPublic(
  row: SocialOrgRow,
  serviceAreas: ServiceAreaRow[],
  stations: StationRow[],
  areaNames: Map<string, string>,
): PublicSocialOrg {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    grade: row.grade,
    legal_form: row.legalForm,
    is_social_work_agency: row.isSocialWorkAgency,
    description: row.description,
    contact_phone: row.contactPhone,
    contact_address: row.contactAddress,
    contact_email: row.contactEmail,
    service_areas: serviceAreas.map((area) => areaNames.get(area.areaCode) ?? area.areaCode),
    stations: stations.map((station) => areaNames.get(station.areaCode) ?? station.areaCode),
  };
}
