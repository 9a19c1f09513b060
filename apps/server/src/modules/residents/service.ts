import { and, eq, ne, sql } from "drizzle-orm";
import type {
  HouseholdCreate,
  HouseholdDetail,
  HouseholdUpdate,
  RelationToHead,
  Resident,
  ResidentCreate,
  ResidentMove,
  ResidentUnmask,
  ResidentUnmasked,
  ResidentUpdate,
} from "@sanshe/contracts";
import { parseIdNumber } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, forbidden, versionConflict } from "../../platform/errors/app-error.js";
import { maskIdNumber, maskPhone, pii } from "../../platform/pii/index.js";
import { areaExists } from "../jurisdictions/index.js";
import { households, residentMoves, residents } from "./schema.js";
import { canReadIn, canUnmaskIn, canWriteIn } from "./policy.js";
import { findResidentByIdIndex, getHousehold, getHouseholdRow, getResident, getResidentRow, idNumberIndex, phoneIndex } from "./queries.js";
import type { ResidentRow } from "./present.js";

type ResidentValues = Partial<typeof residents.$inferInsert>;

/** Encrypted, indexed and masked columns of an ID number, with the birth date and gender it carries. */
export function idNumberColumns(idNumber: string): ResidentValues {
  const { birth_date, gender } = parseIdNumber(idNumber);
  return {
    idNumberEnc: pii().encrypt(idNumber),
    idNumberBidx: idNumberIndex(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    birthDate: birth_date,
    gender,
  };
}

export function phoneColumns(phone: string | null): ResidentValues {
  if (!phone) {
    return { phoneEnc: null, phoneBidx: null, phoneMasked: null };
  }
  return { phoneEnc: pii().encrypt(phone), phoneBidx: phoneIndex(phone), phoneMasked: maskPhone(phone) };
}

/**
 * The refusal for a second registration of the same ID number (one per city). It names the existing
 * record only when the caller could read it anyway, so nothing leaks about other communities.
 */
function residentExists(ctx: ActorCtx, existing: { id: string; areaCode: string } | null): AppError {
  return new AppError("RESIDENT_EXISTS", {}, existing && canReadIn(ctx.actor, existing.areaCode) ? { existing_id: existing.id } : {});
}

/** A community the caller may register residents in. */
async function requireWritableCommunity(ctx: ActorCtx, areaCode: string): Promise<void> {
  if (!canWriteIn(ctx.actor, areaCode)) {
    throw new AppError("SCOPE_EXCEEDED");
  }
  if (!(await areaExists(ctx, areaCode))) {
    throw new AppError("AREA_UNKNOWN", { code: areaCode });
  }
}

/** Checks a household for a resident of `areaCode`; with relation "head" the household's head becomes the resident. */
async function attachHousehold(
  tx: ActorCtx,
  residentId: string,
  areaCode: string,
  householdId: string | null | undefined,
  relation: RelationToHead | null | undefined,
): Promise<void> {
  if (!householdId) {
    return;
  }
  const household = await getHouseholdRow(tx, householdId, "residents.write", { forUpdate: true });
  if (household.areaCode !== areaCode) {
    throw new AppError("HOUSEHOLD_AREA_MISMATCH");
  }
  if (relation === "head" && household.headResidentId !== residentId) {
    if (household.headResidentId) {
      await tx.db
        .update(residents)
        .set({ relationToHead: "other", version: sql`${residents.version} + 1`, updatedAt: tx.now() })
        .where(and(eq(residents.id, household.headResidentId), eq(residents.householdId, householdId)));
    }
    await tx.db
      .update(households)
      .set({ headResidentId: residentId, version: sql`${households.version} + 1`, updatedAt: tx.now() })
      .where(eq(households.id, householdId));
  }
}

function optionalColumns(input: Omit<ResidentUpdate["data"], "name" | "id_number">): ResidentValues {
  const values: ResidentValues = {};
  if (input.address !== undefined) {
    values.address = input.address;
  }
  if (input.building !== undefined) {
    values.building = input.building;
  }
  if (input.unit !== undefined) {
    values.unit = input.unit;
  }
  if (input.room !== undefined) {
    values.room = input.room;
  }
  if (input.grid_name !== undefined) {
    values.gridName = input.grid_name;
  }
  if (input.household_id !== undefined) {
    values.householdId = input.household_id;
  }
  if (input.relation_to_head !== undefined) {
    values.relationToHead = input.relation_to_head;
  }
  if (input.groups !== undefined) {
    values.groups = [...new Set(input.groups)].sort();
  }
  if (input.legal_basis !== undefined) {
    values.legalBasis = input.legal_basis;
  }
  if (input.consent_date !== undefined) {
    values.consentDate = input.consent_date;
  }
  if (input.phone !== undefined) {
    Object.assign(values, phoneColumns(input.phone));
  }
  return values;
}

/** Inserts a resident inside the caller's transaction; returns the new id. */
export async function insertResident(tx: ActorCtx, input: ResidentCreate): Promise<string> {
  await requireWritableCommunity(tx, input.area_code);
  const index = idNumberIndex(input.id_number);
  const existing = await findResidentByIdIndex(tx, index);
  if (existing) {
    throw residentExists(tx, existing);
  }
  const id = crypto.randomUUID();
  const inserted = await tx.db
    .insert(residents)
    .values({
      id,
      areaCode: input.area_code,
      name: input.name,
      ...idNumberColumns(input.id_number),
      ...optionalColumns(input),
      createdAt: tx.now(),
      updatedAt: tx.now(),
    })
    .onConflictDoNothing({ target: residents.idNumberBidx })
    .returning({ id: residents.id });
  if (inserted.length === 0) {
    // Registered meanwhile by a parallel request.
    throw residentExists(tx, await findResidentByIdIndex(tx, index));
  }
  await attachHousehold(tx, id, input.area_code, input.household_id, input.relation_to_head);
  await tx.audit.record("residents.create", {
    entityType: "resident",
    entityId: id,
    areaCode: input.area_code,
    detail: { fields: Object.keys(input).filter((key) => key !== "id_number" && key !== "phone" && key !== "name") },
  });
  return id;
}

/**
 * Registers a resident (居民登记) in a community of the caller's scope. Gender and birth date come from
 * the ID number; the ID number and phone are stored encrypted with a blind index.
 *
 * @throws AppError RESIDENT_EXISTS when the ID number is registered anywhere in the city.
 * @throws AppError SCOPE_EXCEEDED, AREA_UNKNOWN, HOUSEHOLD_AREA_MISMATCH
 */
export async function createResident(ctx: ActorCtx, input: ResidentCreate): Promise<Resident> {
  const id = await withTx(ctx, (tx) => insertResident(tx, input));
  return getResident(ctx, id);
}

/** Applies an update to a locked row inside the caller's transaction; returns the changed field names. */
export async function applyResidentUpdate(tx: ActorCtx, row: ResidentRow, data: ResidentUpdate["data"]): Promise<string[]> {
  const values: ResidentValues = optionalColumns(data);
  if (data.name !== undefined) {
    values.name = data.name;
  }
  if (data.id_number !== undefined) {
    const index = idNumberIndex(data.id_number);
    if (index !== row.idNumberBidx) {
      const [other] = await tx.db
        .select({ id: residents.id, areaCode: residents.areaCode })
        .from(residents)
        .where(and(eq(residents.idNumberBidx, index), ne(residents.id, row.id)));
      if (other) {
        throw residentExists(tx, other);
      }
      Object.assign(values, idNumberColumns(data.id_number));
    }
  }
  if (data.household_id !== undefined && data.household_id !== row.householdId && row.householdId) {
    if (data.household_id === null) {
      values.relationToHead = data.relation_to_head ?? null;
    }
    await tx.db
      .update(households)
      .set({ headResidentId: null, version: sql`${households.version} + 1`, updatedAt: tx.now() })
      .where(and(eq(households.id, row.householdId), eq(households.headResidentId, row.id)));
  }
  await attachHousehold(
    tx,
    row.id,
    row.areaCode,
    data.household_id !== undefined ? data.household_id : data.relation_to_head === "head" ? row.householdId : undefined,
    data.relation_to_head ?? row.relationToHead,
  );
  await tx.db
    .update(residents)
    .set({ ...values, version: sql`${residents.version} + 1`, updatedAt: tx.now() })
    .where(eq(residents.id, row.id));
  return Object.keys(data);
}

/**
 * Changes a resident's data, with optimistic concurrency on `version`.
 * @throws AppError VERSION_CONFLICT (with the current copy), RESIDENT_EXISTS, HOUSEHOLD_AREA_MISMATCH, NOT_FOUND
 */
export async function updateResident(ctx: ActorCtx, id: string, input: ResidentUpdate): Promise<Resident> {
  await withTx(ctx, async (tx) => {
    const row = await getResidentRow(tx, id, "residents.write", { forUpdate: true });
    if (row.version !== input.version) {
      throw versionConflict(await getResident(tx, id));
    }
    const fields = await applyResidentUpdate(tx, row, input.data);
    await tx.audit.record("residents.update", { entityType: "resident", entityId: id, areaCode: row.areaCode, detail: { fields } });
  });
  return getResident(ctx, id);
}

/**
 * Moves a resident to another community (迁出). The row's area_code changes in the same transaction,
 * so the old community loses access at once; the household link is dropped (a household belongs to
 * one community) and the move is kept in resident_moves.
 *
 * @throws AppError RESIDENT_MOVE_INVALID when the destination is the same or not a registered community.
 * @throws AppError VERSION_CONFLICT, NOT_FOUND
 */
export async function moveResident(ctx: ActorCtx, id: string, input: ResidentMove): Promise<{ id: string; area_code: string }> {
  return withTx(ctx, async (tx) => {
    const row = await getResidentRow(tx, id, "residents.write", { forUpdate: true });
    if (row.version !== input.version) {
      throw versionConflict(await getResident(tx, id));
    }
    if (input.to_area_code === row.areaCode || !(await areaExists(tx, input.to_area_code))) {
      throw new AppError("RESIDENT_MOVE_INVALID");
    }
    if (row.householdId) {
      await tx.db
        .update(households)
        .set({ headResidentId: null, version: sql`${households.version} + 1`, updatedAt: tx.now() })
        .where(and(eq(households.id, row.householdId), eq(households.headResidentId, id)));
    }
    await tx.db
      .update(residents)
      .set({
        areaCode: input.to_area_code,
        householdId: null,
        relationToHead: null,
        gridId: null,
        gridName: null,
        version: sql`${residents.version} + 1`,
        updatedAt: tx.now(),
      })
      .where(eq(residents.id, id));
    await tx.db.insert(residentMoves).values({
      residentId: id,
      fromAreaCode: row.areaCode,
      toAreaCode: input.to_area_code,
      reason: input.reason,
      movedAt: tx.now(),
      movedBy: tx.actor.userId,
    });
    await tx.audit.record("residents.move", {
      entityType: "resident",
      entityId: id,
      areaCode: row.areaCode,
      detail: { from_area_code: row.areaCode, to_area_code: input.to_area_code },
    });
    return { id, area_code: input.to_area_code };
  });
}

/**
 * Shows a resident's full ID number and/or phone (查看完整信息) to a role that may, for a stated
 * purpose. The audit record names the fields and the purpose, never the values, and commits before
 * the values are returned.
 *
 * @throws AppError NOT_FOUND outside the read scope; FORBIDDEN where the caller reads but may not unmask.
 */
export async function unmaskResident(ctx: ActorCtx, id: string, input: ResidentUnmask): Promise<ResidentUnmasked> {
  return withTx(ctx, async (tx) => {
    const row = await getResidentRow(tx, id);
    if (!canUnmaskIn(tx.actor, row.areaCode)) {
      throw forbidden();
    }
    const fields = [...new Set(input.fields)].sort();
    const result: ResidentUnmasked = {};
    for (const field of fields) {
      const stored = field === "id_number" ? row.idNumberEnc : row.phoneEnc;
      result[field] = stored ? pii().decrypt(stored) : null;
    }
    await tx.audit.record("residents.unmask", {
      entityType: "resident",
      entityId: id,
      areaCode: row.areaCode,
      detail: { fields, purpose: input.purpose },
    });
    return result;
  });
}

/** Makes `residentId` (a resident of the household's community) its head. */
async function setHead(tx: ActorCtx, householdId: string, areaCode: string, residentId: string): Promise<void> {
  const resident = await getResidentRow(tx, residentId, "residents.write", { forUpdate: true });
  if (resident.areaCode !== areaCode) {
    throw new AppError("HOUSEHOLD_AREA_MISMATCH");
  }
  await tx.db
    .update(residents)
    .set({ householdId, relationToHead: "head", version: sql`${residents.version} + 1`, updatedAt: tx.now() })
    .where(eq(residents.id, residentId));
}

/**
 * Registers a household (户) in a community of the caller's scope, optionally with its head.
 * @throws AppError SCOPE_EXCEEDED, AREA_UNKNOWN, HOUSEHOLD_AREA_MISMATCH, NOT_FOUND (head outside scope)
 */
export async function createHousehold(ctx: ActorCtx, input: HouseholdCreate): Promise<HouseholdDetail> {
  const id = await withTx(ctx, async (tx) => {
    await requireWritableCommunity(tx, input.area_code);
    const householdId = crypto.randomUUID();
    await tx.db.insert(households).values({
      id: householdId,
      areaCode: input.area_code,
      address: input.address,
      headResidentId: input.head_resident_id ?? null,
      createdAt: tx.now(),
      updatedAt: tx.now(),
    });
    if (input.head_resident_id) {
      await setHead(tx, householdId, input.area_code, input.head_resident_id);
    }
    await tx.audit.record("residents.household.create", { entityType: "household", entityId: householdId, areaCode: input.area_code });
    return householdId;
  });
  return getHousehold(ctx, id);
}

/**
 * Changes a household's address or head, with optimistic concurrency.
 * @throws AppError VERSION_CONFLICT, HOUSEHOLD_AREA_MISMATCH, NOT_FOUND
 */
export async function updateHousehold(ctx: ActorCtx, id: string, input: HouseholdUpdate): Promise<HouseholdDetail> {
  await withTx(ctx, async (tx) => {
    const row = await getHouseholdRow(tx, id, "residents.write", { forUpdate: true });
    if (row.version !== input.version) {
      throw versionConflict(await getHousehold(tx, id));
    }
    const head = input.data.head_resident_id;
    if (head) {
      await setHead(tx, id, row.areaCode, head);
    }
    if (head !== undefined && row.headResidentId && row.headResidentId !== head) {
      await tx.db
        .update(residents)
        .set({ relationToHead: "other", version: sql`${residents.version} + 1`, updatedAt: tx.now() })
        .where(and(eq(residents.id, row.headResidentId), eq(residents.householdId, id)));
    }
    await tx.db
      .update(households)
      .set({
        ...(input.data.address !== undefined ? { address: input.data.address } : {}),
        ...(head !== undefined ? { headResidentId: head } : {}),
        version: sql`${households.version} + 1`,
        updatedAt: tx.now(),
      })
      .where(eq(households.id, id));
    await tx.audit.record("residents.household.update", {
      entityType: "household",
      entityId: id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(input.data) },
    });
  });
  return getHousehold(ctx, id);
}
