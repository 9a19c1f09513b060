import { and, eq, sql } from "drizzle-orm";
import type {
  Community,
  CommunityProfileUpdate,
  Facility,
  FacilityCreate,
  FacilityType,
  FacilityUpdate,
  Grid,
  GridCreate,
  GridUpdate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { communityProfiles, facilities, grids } from "./schema.js";
import { getCommunity, getGrid, requireCommunity } from "./queries.js";
import { presentFacility } from "./present.js";

/**
 * Creates (version 0) or updates a community's profile (社区档案), with optimistic concurrency.
 * @throws AppError NOT_FOUND outside the communities.write scope, VERSION_CONFLICT on a stale version.
 */
export async function putProfile(ctx: ActorCtx, code: string, input: CommunityProfileUpdate): Promise<Community> {
  await withTx(ctx, async (tx) => {
    await requireCommunity(tx, code, "communities.write");
    const [current] = await tx.db.select().from(communityProfiles).where(eq(communityProfiles.areaCode, code)).for("update");
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) {
      throw versionConflict(await getCommunity(tx, code, "communities.write"));
    }
    const values = {
      ...(input.data.kind !== undefined ? { kind: input.data.kind } : {}),
      ...(input.data.population !== undefined ? { population: input.data.population } : {}),
      ...(input.data.households !== undefined ? { households: input.data.households } : {}),
      ...(input.data.office_area_m2 !== undefined ? { officeAreaM2: input.data.office_area_m2 } : {}),
    };
    if (current) {
      await tx.db
        .update(communityProfiles)
        .set({ ...values, version: sql`${communityProfiles.version} + 1`, updatedAt: ctx.now() })
        .where(eq(communityProfiles.areaCode, code));
    } else {
      const inserted = await tx.db
        .insert(communityProfiles)
        .values({ areaCode: code, ...values, createdAt: ctx.now(), updatedAt: ctx.now() })
        .onConflictDoNothing()
        .returning({ code: communityProfiles.areaCode });
      if (inserted.length === 0) {
        throw versionConflict(await getCommunity(tx, code, "communities.write"));
      }
    }
    await tx.audit.record(current ? "communities.profile.update" : "communities.profile.create", {
      entityType: "community_profile",
      entityId: code,
      areaCode: code,
      detail: { fields: Object.keys(input.data) },
    });
  });
  return getCommunity(ctx, code);
}

async function requireFreeName(ctx: ActorCtx, code: string, type: FacilityType, name: string, exceptId?: string): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: facilities.id })
    .from(facilities)
    .where(and(eq(facilities.areaCode, code), eq(facilities.type, type), eq(facilities.name, name)));
  if (existing && existing.id !== exceptId) {
    throw new AppError("FACILITY_EXISTS");
  }
}

/**
 * Adds a facility to a community.
 * @throws AppError NOT_FOUND outside the communities.write scope, FACILITY_EXISTS for a duplicate type and name.
 */
export async function createFacility(ctx: ActorCtx, code: string, input: FacilityCreate): Promise<Facility> {
  return withTx(ctx, async (tx) => {
    await requireCommunity(tx, code, "communities.write");
    await requireFreeName(tx, code, input.type, input.name);
    const [row] = await tx.db
      .insert(facilities)
      .values({
        areaCode: code,
        type: input.type,
        name: input.name,
        areaM2: input.area_m2 ?? null,
        openingHours: input.opening_hours ?? null,
        bookable: input.bookable ?? false,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) {
      throw new Error("facility not inserted");
    }
    await tx.audit.record("communities.facility.create", {
      entityType: "facility",
      entityId: row.id,
      areaCode: code,
      detail: { type: input.type, name: input.name },
    });
    return presentFacility(row);
  });
}

/**
 * Changes a facility, with optimistic concurrency.
 * @throws AppError NOT_FOUND, VERSION_CONFLICT, FACILITY_EXISTS
 */
export async function updateFacility(ctx: ActorCtx, id: string, input: FacilityUpdate): Promise<Facility> {
  return withTx(ctx, async (tx) => {
    const current = await lockFacility(tx, id);
    if (current.version !== input.version) {
      throw versionConflict(current);
    }
    const type = input.data.type ?? current.type;
    const name = input.data.name ?? current.name;
    if (type !== current.type || name !== current.name) {
      await requireFreeName(tx, current.area_code, type, name, id);
    }
    const [row] = await tx.db
      .update(facilities)
      .set({
        type,
        name,
        ...(input.data.area_m2 !== undefined ? { areaM2: input.data.area_m2 } : {}),
        ...(input.data.opening_hours !== undefined ? { openingHours: input.data.opening_hours } : {}),
        ...(input.data.bookable !== undefined ? { bookable: input.data.bookable } : {}),
        version: sql`${facilities.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(facilities.id, id))
      .returning();
    if (!row) {
      throw notFound();
    }
    await tx.audit.record("communities.facility.update", {
      entityType: "facility",
      entityId: id,
      areaCode: current.area_code,
      detail: { fields: Object.keys(input.data) },
    });
    return presentFacility(row);
  });
}

async function lockFacility(tx: ActorCtx, id: string): Promise<Facility> {
  const [row] = await tx.db
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, id), inScope(facilities.areaCode, tx.actor.scope("communities.write"))))
    .for("update");
  if (!row) {
    throw notFound();
  }
  return presentFacility(row);
}

/** Removes a facility. @throws AppError NOT_FOUND outside the communities.write scope. */
export async function deleteFacility(ctx: ActorCtx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const current = await lockFacility(tx, id);
    await tx.db.delete(facilities).where(eq(facilities.id, id));
    await tx.audit.record("communities.facility.delete", {
      entityType: "facility",
      entityId: id,
      areaCode: current.area_code,
      detail: { type: current.type, name: current.name },
    });
  });
}

/** The facility with this natural key (community, type, name), if any; for imports. */
export async function findFacility(ctx: ActorCtx, code: string, type: FacilityType, name: string): Promise<Facility | null> {
  const [row] = await ctx.db
    .select()
    .from(facilities)
    .where(and(eq(facilities.areaCode, code), eq(facilities.type, type), eq(facilities.name, name)));
  return row ? presentFacility(row) : null;
}

async function requireFreeGridName(ctx: ActorCtx, code: string, name: string, exceptId?: string): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: grids.id })
    .from(grids)
    .where(and(eq(grids.areaCode, code), eq(grids.name, name)));
  if (existing && existing.id !== exceptId) {
    throw new AppError("GRID_EXISTS");
  }
}

/**
 * Adds a grid (网格) to a community.
 * @throws AppError NOT_FOUND outside the communities.write scope, GRID_EXISTS for a duplicate name.
 */
export async function createGrid(ctx: ActorCtx, input: GridCreate): Promise<Grid> {
  const id = await withTx(ctx, async (tx) => {
    await requireCommunity(tx, input.area_code, "communities.write");
    await requireFreeGridName(tx, input.area_code, input.name);
    const [row] = await tx.db
      .insert(grids)
      .values({
        areaCode: input.area_code,
        name: input.name,
        gridWorkerName: input.grid_worker_name ?? null,
        gridWorkerUserId: input.grid_worker_user_id ?? null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: grids.id });
    if (!row) {
      throw new Error("grid not inserted");
    }
    await tx.audit.record("communities.grid.create", {
      entityType: "grid",
      entityId: row.id,
      areaCode: input.area_code,
      detail: { name: input.name },
    });
    return row.id;
  });
  return getGrid(ctx, id);
}

/**
 * Renames a grid or changes its grid worker, with optimistic concurrency.
 * @throws AppError NOT_FOUND, VERSION_CONFLICT, GRID_EXISTS
 */
export async function updateGrid(ctx: ActorCtx, id: string, input: GridUpdate): Promise<Grid> {
  await withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ id: grids.id })
      .from(grids)
      .where(and(eq(grids.id, id), inScope(grids.areaCode, tx.actor.scope("communities.write"))))
      .for("update");
    if (!locked) {
      throw notFound();
    }
    const current = await getGrid(tx, id, "communities.write");
    if (current.version !== input.version) {
      throw versionConflict(current);
    }
    if (input.data.name !== undefined && input.data.name !== current.name) {
      await requireFreeGridName(tx, current.area_code, input.data.name, id);
    }
    await tx.db
      .update(grids)
      .set({
        ...(input.data.name !== undefined ? { name: input.data.name } : {}),
        ...(input.data.grid_worker_name !== undefined ? { gridWorkerName: input.data.grid_worker_name } : {}),
        ...(input.data.grid_worker_user_id !== undefined ? { gridWorkerUserId: input.data.grid_worker_user_id } : {}),
        version: sql`${grids.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(grids.id, id));
    // Field names only: the grid worker's name is personal information.
    await tx.audit.record("communities.grid.update", {
      entityType: "grid",
      entityId: id,
      areaCode: current.area_code,
      detail: { fields: Object.keys(input.data) },
    });
  });
  return getGrid(ctx, id);
}
