import type { PublicService, Service } from "@sanshe/contracts";
import type { ServiceRow } from "./schema.js";

/** A service as the public directory shows it. */
export function presentPublicService(row: ServiceRow, providerName: string): PublicService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category as PublicService["category"],
    tier: row.tier,
    provider_kind: row.providerKind,
    provider_name: providerName,
    organization_id: row.organizationId,
    community_code: row.communityCode,
    price_kind: row.priceKind,
    price_fen: row.priceFen,
    eligibility_groups: row.eligibilityGroups as PublicService["eligibility_groups"],
    min_age: row.minAge,
    max_age: row.maxAge,
    service_area_codes: row.serviceAreaCodes,
    schedule: row.schedule,
    location_address: row.locationAddress,
    contact_phone: row.contactPhone,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A service as its editors see it (status, area, location facility). */
export function presentService(row: ServiceRow, providerName: string): Service {
  return {
    ...presentPublicService(row, providerName),
    area_code: row.areaCode,
    location_facility_id: row.locationFacilityId,
    status: row.status,
    version: row.version,
    created_at: row.createdAt.toISOString(),
  };
}
