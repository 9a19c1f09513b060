import { eq } from "drizzle-orm";
import type { Service, ServiceCreate, ServiceUpdate } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { areaExists, getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { canEditService, priceProblem } from "./policy.js";
import { findVisibleService, getService, providerNames } from "./queries.js";
import { presentService } from "./present.js";
import { services, type ServiceRow } from "./schema.js";

/** Checks price and age rules on the merged values. */
function checkRules(values: {
  priceKind: "free" | "low_cost" | "paid";
  priceFen: number | null;
  minAge: number | null;
  maxAge: number | null;
}) {
  const price = priceProblem(values.priceKind, values.priceFen);
  if (price) {
    throw new AppError(price);
  }
  if (values.minAge !== null && values.maxAge !== null && values.minAge > values.maxAge) {
    throw new AppError("SERVICE_AGE_RANGE");
  }
}

async function checkServedAreas(ctx: ActorCtx, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) {
    return;
  }
  const names = await getAreaNames(ctx, codes);
  const unknown = codes.find((code) => !names.has(code));
  if (unknown) {
    throw new AppError("AREA_UNKNOWN", { code: unknown });
  }
}

/** Resolves the provider's home area from the input; checks that the provider exists. */
async function providerArea(
  ctx: ActorCtx,
  input: ServiceCreate,
): Promise<{ areaCode: string; organizationId: string | null; communityCode: string | null }> {
  if (input.provider_kind === "organization") {
    if (!input.organization_id || input.community_code) {
      throw new AppError("SERVICE_PROVIDER_INVALID");
    }
    const organization = (await getOrganizations(ctx, [input.organization_id])).get(input.organization_id);
    if (!organization) {
      throw new AppError("ORGANIZATION_UNKNOWN");
    }
    return { areaCode: organization.area_code, organizationId: organization.id, communityCode: null };
  }
  if (input.provider_kind === "community") {
    if (!input.community_code || input.organization_id) {
      throw new AppError("SERVICE_PROVIDER_INVALID");
    }
    if (!(await areaExists(ctx, input.community_code))) {
      throw new AppError("AREA_UNKNOWN", { code: input.community_code });
    }
    return { areaCode: input.community_code, organizationId: null, communityCode: input.community_code };
  }
  if (!input.area_code || input.organization_id || input.community_code) {
    throw new AppError("SERVICE_PROVIDER_INVALID");
  }
  if (!(await areaExists(ctx, input.area_code))) {
    throw new AppError("AREA_UNKNOWN", { code: input.area_code });
  }
  return { areaCode: input.area_code, organizationId: null, communityCode: null };
}

/**
 * Creates a service (draft unless a status is given).
 * @throws AppError FORBIDDEN when the caller may not publish for this provider; 400 codes on bad input.
 */
export async function createService(ctx: ActorCtx, input: ServiceCreate): Promise<Service> {
  const id = await withTx(ctx, async (tx) => {
    const provider = await providerArea(tx, input);
    if (
      !canEditService(tx.actor.memberships, {
        areaCode: provider.areaCode,
        providerKind: input.provider_kind,
        organizationId: provider.organizationId,
      })
    ) {
      throw forbidden();
    }
    const values = {
      priceKind: input.price_kind,
      priceFen: input.price_fen ?? null,
      minAge: input.min_age ?? null,
      maxAge: input.max_age ?? null,
    };
    checkRules(values);
    const served = [...new Set(input.service_area_codes?.length ? input.service_area_codes : [provider.areaCode])];
    await checkServedAreas(tx, served);
    const [row] = await tx.db
      .insert(services)
      .values({
        ...values,
        areaCode: provider.areaCode,
        providerKind: input.provider_kind,
        organizationId: provider.organizationId,
        communityCode: provider.communityCode,
        name: input.name,
        description: input.description,
        category: input.category,
        tier: input.tier,
        eligibilityGroups: [...new Set(input.eligibility_groups ?? [])],
        serviceAreaCodes: served,
        schedule: input.schedule ?? null,
        locationFacilityId: input.location_facility_id ?? null,
        locationAddress: input.location_address ?? null,
        contactPhone: input.contact_phone ?? null,
        status: input.status ?? "draft",
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning({ id: services.id });
    if (!row) {
      throw new Error("service not created");
    }
    await tx.audit.record("services.create", {
      entityType: "service",
      entityId: row.id,
      areaCode: provider.areaCode,
      detail: { provider_kind: input.provider_kind, category: input.category, status: input.status ?? "draft" },
    });
    return row.id;
  });
  return getService(ctx, id);
}

const fieldColumns = {
  name: "name",
  description: "description",
  category: "category",
  tier: "tier",
  price_kind: "priceKind",
  price_fen: "priceFen",
  eligibility_groups: "eligibilityGroups",
  min_age: "minAge",
  max_age: "maxAge",
  service_area_codes: "serviceAreaCodes",
  schedule: "schedule",
  location_facility_id: "locationFacilityId",
  location_address: "locationAddress",
  contact_phone: "contactPhone",
  status: "status",
} as const satisfies Record<keyof ServiceUpdate["data"], keyof ServiceRow>;

/**
 * Changes a service (publish and retire are status changes).
 * @throws AppError NOT_FOUND outside the caller's scope, FORBIDDEN when visible but not editable, VERSION_CONFLICT on a stale version.
 */
export async function updateService(ctx: ActorCtx, id: string, input: ServiceUpdate): Promise<Service> {
  return withTx(ctx, async (tx) => {
    const row = await findVisibleService(tx, id, { forUpdate: true });
    if (!row) {
      throw notFound();
    }
    if (!canEditService(tx.actor.memberships, row)) {
      throw forbidden();
    }
    if (row.version !== input.version) {
      throw versionConflict(presentService(row, (await providerNames(tx, [row]))(row)));
    }
    const changes: Partial<Record<keyof ServiceRow, unknown>> = {};
    for (const [field, column] of Object.entries(fieldColumns) as [keyof ServiceUpdate["data"], keyof ServiceRow][]) {
      const value = input.data[field];
      if (value !== undefined) {
        changes[column] = field === "eligibility_groups" || field === "service_area_codes" ? [...new Set(value as string[])] : value;
      }
    }
    const next = { ...row, ...changes } as ServiceRow;
    checkRules(next);
    if (input.data.service_area_codes) {
      if (input.data.service_area_codes.length === 0) {
        next.serviceAreaCodes = [row.areaCode];
      }
      await checkServedAreas(tx, next.serviceAreaCodes);
      changes.serviceAreaCodes = next.serviceAreaCodes;
    }
    const changed = Object.keys(changes).filter(
      (key) => JSON.stringify(changes[key as keyof ServiceRow]) !== JSON.stringify(row[key as keyof ServiceRow]),
    );
    if (changed.length === 0) {
      return presentService(row, (await providerNames(tx, [row]))(row));
    }
    const [updated] = await tx.db
      .update(services)
      .set({ ...(changes as Partial<typeof services.$inferInsert>), version: row.version + 1, updatedAt: tx.now() })
      .where(eq(services.id, id))
      .returning();
    if (!updated) {
      throw notFound();
    }
    const statusChanged = changes.status !== undefined && changes.status !== row.status;
    await tx.audit.record(
      statusChanged
        ? `services.${updated.status === "published" ? "publish" : updated.status === "retired" ? "retire" : "update"}`
        : "services.update",
      {
        entityType: "service",
        entityId: id,
        areaCode: row.areaCode,
        detail: {
          fields: Object.entries(fieldColumns)
            .filter(([, column]) => changed.includes(column))
            .map(([field]) => field),
        },
      },
    );
    return presentService(updated, (await providerNames(tx, [updated]))(updated));
  });
}
