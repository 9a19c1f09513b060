import { standardFacilityTypes, type Community, type Facility, type Grid, type StandardFacilityType } from "@sanshe/contracts";
import type { communityProfiles, facilities, grids } from "./schema.js";

type Profile = typeof communityProfiles.$inferSelect;

/**
 * What presentCommunity reads (queries.ts's community row fits it): the area, its profile's columns
 * (null when the community has no profile yet) and one flag per standard facility type.
 */
export type PresentableCommunity = {
  code: string;
  name: string;
  parentCode: string | null;
  profileCode: string | null;
  kind: Profile["kind"] | null;
  population: Profile["population"] | null;
  households: Profile["households"] | null;
  officeAreaM2: Profile["officeAreaM2"] | null;
  version: Profile["version"] | null;
  updatedAt: Profile["updatedAt"] | null;
  facilityCount: number;
} & Record<StandardFacilityType, boolean>;

/** What presentGrid reads: the grid and its community's name. */
export type PresentableGrid = Pick<
  typeof grids.$inferSelect,
  "id" | "areaCode" | "name" | "gridWorkerName" | "gridWorkerUserId" | "version" | "createdAt" | "updatedAt"
> & { communityName: string };

/** A community row (profile joined, facility flags aggregated) as the API shows it. */
export function presentCommunity(row: PresentableCommunity): Community {
  const has = Object.fromEntries(standardFacilityTypes.map((type) => [type, Boolean(row[type])])) as Record<StandardFacilityType, boolean>;
  const missing = standardFacilityTypes.filter((type) => !has[type]);
  return {
    code: row.code,
    name: row.name,
    street_code: row.parentCode ?? row.code.slice(0, 9),
    exists: row.profileCode !== null,
    kind: row.kind ?? null,
    population: row.population ?? null,
    households: row.households ?? null,
    office_area_m2: row.officeAreaM2 === null ? null : Number(row.officeAreaM2),
    facility_count: Number(row.facilityCount),
    version: row.version ?? 0,
    updated_at: row.updatedAt?.toISOString() ?? null,
    has,
    missing,
    compliant: missing.length === 0,
  };
}

export function presentFacility(row: typeof facilities.$inferSelect): Facility {
  return {
    id: row.id,
    area_code: row.areaCode,
    type: row.type,
    name: row.name,
    area_m2: row.areaM2 === null ? null : Number(row.areaM2),
    opening_hours: row.openingHours,
    bookable: row.bookable,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function presentGrid(row: PresentableGrid): Grid {
  return {
    id: row.id,
    area_code: row.areaCode,
    community_name: row.communityName,
    name: row.name,
    grid_worker_name: row.gridWorkerName,
    grid_worker_user_id: row.gridWorkerUserId,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
