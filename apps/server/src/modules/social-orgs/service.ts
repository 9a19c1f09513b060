import { and, eq, isNull, sql } from "drizzle-orm";
import {
  socialOrgRegistrationProblem,
  type SocialOrg,
  type SocialOrgCreate,
  type SocialOrgServiceAreasPut,
  type SocialOrgStationsPut,
  type SocialOrgUpdate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { fieldMessages } from "../../platform/errors/catalog.js";
import { getAreaNames } from "../jurisdictions/index.js";
import { canEditSocialOrg, canPlaceSocialOrg, fieldsNotEditableByStaff, socialOrgEditRight } from "./policy.js";
import { findVisibleRow, presentFull } from "./queries.js";
import type { SocialOrgRow } from "./present.js";
import { socialOrgs, socialOrgServiceAreas, socialOrgStations } from "./schema.js";

type Editable = SocialOrgCreate;

/** A 400 VALIDATION_FAILED with one field problem, localized like the schema validation errors. */
export function fieldError(ctx: Ctx, path: string, code: string): AppError {
  const message = fieldMessages[code]?.[ctx.locale] ?? fieldMessages.custom?.[ctx.locale] ?? code;
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path, code, message }] });
}

function isUniqueViolation(error: unknown): boolean {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current.code === "23505") {
      return true;
    }
    current = current.cause as typeof current;
  }
  return false;
}

/** The contract field of each editable column (for problems naming fields), in column order. */
const fieldOfColumn = {
  name: "name",
  uscc: "uscc",
  legalForm: "legal_form",
  registration: "registration",
  category: "category",
  grade: "grade",
  gradeYear: "grade_year",
  areaCode: "area_code",
  foundedOn: "founded_on",
  staffCount: "staff_count",
  socialWorkerCount: "social_worker_count",
  fundingSources: "funding_sources",
  status: "status",
  isSocialWorkAgency: "is_social_work_agency",
  description: "description",
  contactPhone: "contact_phone",
  contactAddress: "contact_address",
  contactEmail: "contact_email",
} as const satisfies Partial<Record<keyof typeof socialOrgs.$inferInsert, keyof Editable>>;

/** Column values for the editable fields present in `data` (funding sources without repeats). */
function columnsOf(data: Partial<Editable>): Partial<typeof socialOrgs.$inferInsert> {
  const columns: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(fieldOfColumn)) {
    const value = field === "funding_sources" ? (data.funding_sources ? [...new Set(data.funding_sources)] : undefined) : data[field];
    if (value !== undefined) {
      columns[column] = value;
    }
  }
  return columns;
}

/**
 * Org staff (no authority over the home area) change contact and description only.
 * @throws AppError FIELDS_NOT_EDITABLE naming every other field that would change.
 */
function checkStaffFields(ctx: ActorCtx, row: SocialOrgRow, changedKeys: string[], pathPrefix: string): void {
  if (socialOrgEditRight(ctx.actor.memberships, row) !== "own") {
    return;
  }
  const refused = fieldsNotEditableByStaff(changedKeys.map((key) => (fieldOfColumn as Record<string, string>)[key] ?? key));
  if (refused.length > 0) {
    const message = fieldMessages.FIELD_NOT_EDITABLE?.[ctx.locale] ?? "FIELD_NOT_EDITABLE";
    throw new AppError(
      "FIELDS_NOT_EDITABLE",
      { fields: refused.join(", ") },
      { errors: refused.map((field) => ({ path: `${pathPrefix}${field}`, code: "FIELD_NOT_EDITABLE", message })) },
    );
  }
}

/**
 * Service areas and stations are registered facts (活动地域): they decide where an organization counts
 * as present for a call's local-presence rule, so only the registering authority sets them.
 * @throws AppError FIELDS_NOT_EDITABLE for org staff.
 */
function checkPlacesEditable(ctx: ActorCtx, row: SocialOrgRow, field: "area_codes" | "stations"): void {
  if (socialOrgEditRight(ctx.actor.memberships, row) === "own") {
    const message = fieldMessages.FIELD_NOT_EDITABLE?.[ctx.locale] ?? "FIELD_NOT_EDITABLE";
    throw new AppError(
      "FIELDS_NOT_EDITABLE",
      { fields: field },
      { errors: [{ path: `body.${field}`, code: "FIELD_NOT_EDITABLE", message }] },
    );
  }
}

/** The columns whose value would change. */
function changedColumns(row: SocialOrgRow, columns: Partial<typeof socialOrgs.$inferInsert>): Partial<typeof socialOrgs.$inferInsert> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(columns)) {
    const current = (row as Record<string, unknown>)[key];
    if (JSON.stringify(current ?? null) !== JSON.stringify(value ?? null)) {
      changed[key] = value;
    }
  }
  return changed;
}

function checkRegistration(
  ctx: Ctx,
  state: { registration: SocialOrgRow["registration"]; legalForm: SocialOrgRow["legalForm"]; uscc: string | null },
) {
  const problem = socialOrgRegistrationProblem({ registration: state.registration, legal_form: state.legalForm, uscc: state.uscc });
  if (problem) {
    throw fieldError(ctx, `body.${problem.field}`, problem.code);
  }
}

async function checkPlacement(ctx: ActorCtx, areaCode: string): Promise<void> {
  if (!canPlaceSocialOrg(ctx.actor.memberships, areaCode)) {
    throw forbidden();
  }
  await checkAreasKnown(ctx, [areaCode]);
}

async function insertOrg(ctx: ActorCtx, input: SocialOrgCreate): Promise<SocialOrgRow> {
  await checkPlacement(ctx, input.area_code);
  checkRegistration(ctx, { registration: input.registration, legalForm: input.legal_form ?? null, uscc: input.uscc ?? null });
  const [row] = await ctx.db
    .insert(socialOrgs)
    .values({ ...columnsOf(input), name: input.name, areaCode: input.area_code, createdAt: ctx.now(), updatedAt: ctx.now() })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError("SOCIAL_ORG_EXISTS");
  }
  await ctx.audit.record("social_orgs.create", {
    entityType: "social_org",
    entityId: row.id,
    areaCode: row.areaCode,
    detail: { registration: row.registration, category: row.category },
  });
  return row;
}

/**
 * Registers an organization in a home area the caller may write (not org_staff).
 * @throws AppError FORBIDDEN outside the caller's write scope; AREA_UNKNOWN; VALIDATION_FAILED
 *   (USCC_FORM_MISMATCH, required uscc/legal_form when registered); SOCIAL_ORG_EXISTS for a used credit code.
 */
export async function createSocialOrg(ctx: ActorCtx, input: SocialOrgCreate): Promise<SocialOrg> {
  return withTx(ctx, async (tx) => presentFull(tx, await insertOrg(tx, input)));
}

async function editableRow(ctx: ActorCtx, id: string, version: number): Promise<SocialOrgRow> {
  const row = await findVisibleRow(ctx, id);
  if (!row) {
    throw notFound();
  }
  if (!canEditSocialOrg(ctx.actor.memberships, row)) {
    throw forbidden();
  }
  if (row.version !== version) {
    throw versionConflict(await presentFull(ctx, row));
  }
  return row;
}

async function applyUpdate(
  ctx: ActorCtx,
  row: SocialOrgRow,
  data: Partial<Editable>,
  pathPrefix = "body.data.",
): Promise<{ row: SocialOrgRow; changed: string[] }> {
  const changes = changedColumns(row, columnsOf(data));
  const changed = Object.keys(changes);
  if (changed.length === 0) {
    return { row, changed };
  }
  checkStaffFields(ctx, row, changed, pathPrefix);
  if (changes.areaCode !== undefined) {
    await checkPlacement(ctx, changes.areaCode);
  }
  checkRegistration(ctx, {
    registration: changes.registration ?? row.registration,
    legalForm: changes.legalForm !== undefined ? changes.legalForm : row.legalForm,
    uscc: changes.uscc !== undefined ? changes.uscc : row.uscc,
  });
  let updated: SocialOrgRow | undefined;
  try {
    [updated] = await ctx.db
      .update(socialOrgs)
      .set({ ...changes, version: sql`${socialOrgs.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(socialOrgs.id, row.id), eq(socialOrgs.version, row.version)))
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("SOCIAL_ORG_EXISTS");
    }
    throw error;
  }
  if (!updated) {
    throw versionConflict(await presentFull(ctx, row));
  }
  await ctx.audit.record("social_orgs.update", {
    entityType: "social_org",
    entityId: row.id,
    areaCode: updated.areaCode,
    detail: { fields: changed },
  });
  return { row: updated, changed };
}

/**
 * Changes an organization (officials in scope of its home area: every field; org_staff for their own
 * organization: contact and description only).
 * @throws AppError NOT_FOUND outside the read scope; FORBIDDEN without the write rule; FIELDS_NOT_EDITABLE
 *   when org staff change status, grade, registration, credit code or other registered facts;
 *   VERSION_CONFLICT; VALIDATION_FAILED; SOCIAL_ORG_EXISTS.
 */
export async function updateSocialOrg(ctx: ActorCtx, id: string, input: SocialOrgUpdate): Promise<SocialOrg> {
  return withTx(ctx, async (tx) => {
    const row = await editableRow(tx, id, input.version);
    return presentFull(tx, (await applyUpdate(tx, row, input.data)).row);
  });
}

async function bumpVersion(ctx: ActorCtx, row: SocialOrgRow): Promise<void> {
  const [updated] = await ctx.db
    .update(socialOrgs)
    .set({ version: sql`${socialOrgs.version} + 1`, updatedAt: ctx.now() })
    .where(and(eq(socialOrgs.id, row.id), eq(socialOrgs.version, row.version)))
    .returning({ id: socialOrgs.id });
  if (!updated) {
    throw versionConflict(await presentFull(ctx, row));
  }
}

/** @throws AppError AREA_UNKNOWN naming the first of `codes` that is not a known area. */
async function checkAreasKnown(ctx: ActorCtx, codes: string[]): Promise<void> {
  const known = await getAreaNames(ctx, codes);
  const unknown = codes.find((code) => !known.has(code));
  if (unknown) {
    throw new AppError("AREA_UNKNOWN", { code: unknown });
  }
}

/** After a list of places (served areas, stations) was replaced: the version bump, the audit row, the new state. */
async function recordPlacesReplaced(
  tx: ActorCtx,
  row: SocialOrgRow,
  action: "social_orgs.service_areas" | "social_orgs.stations",
  areaCodes: string[],
): Promise<SocialOrg> {
  await bumpVersion(tx, row);
  await tx.audit.record(action, { entityType: "social_org", entityId: row.id, areaCode: row.areaCode, detail: { area_codes: areaCodes } });
  return presentFull(tx, { ...row, version: row.version + 1, updatedAt: tx.now() });
}

/**
 * Replaces the list of served areas (known area codes); the registering authority only.
 * @throws AppError NOT_FOUND, FORBIDDEN, FIELDS_NOT_EDITABLE (org staff), VERSION_CONFLICT, AREA_UNKNOWN.
 */
export async function putServiceAreas(ctx: ActorCtx, id: string, input: SocialOrgServiceAreasPut): Promise<SocialOrg> {
  return withTx(ctx, async (tx) => {
    const row = await editableRow(tx, id, input.version);
    checkPlacesEditable(tx, row, "area_codes");
    const codes = [...new Set(input.area_codes)];
    await checkAreasKnown(tx, codes);
    await tx.db.delete(socialOrgServiceAreas).where(eq(socialOrgServiceAreas.orgId, id));
    if (codes.length > 0) {
      await tx.db
        .insert(socialOrgServiceAreas)
        .values(codes.map((areaCode) => ({ orgId: id, areaCode, createdAt: ctx.now(), updatedAt: ctx.now() })));
    }
    return recordPlacesReplaced(tx, row, "social_orgs.service_areas", codes);
  });
}

/**
 * Replaces the list of communities the organization is stationed in (12-digit community codes); the
 * registering authority only.
 * @throws AppError NOT_FOUND, FORBIDDEN, FIELDS_NOT_EDITABLE (org staff), VERSION_CONFLICT, AREA_UNKNOWN;
 *   VALIDATION_FAILED (COMMUNITY_REQUIRED).
 */
export async function putStations(ctx: ActorCtx, id: string, input: SocialOrgStationsPut): Promise<SocialOrg> {
  return withTx(ctx, async (tx) => {
    const row = await editableRow(tx, id, input.version);
    checkPlacesEditable(tx, row, "stations");
    const byCode = new Map(input.stations.map((station) => [station.area_code, station.since ?? null]));
    const index = input.stations.findIndex((station) => station.area_code.length !== 12);
    if (index >= 0) {
      throw fieldError(ctx, `body.stations.${index}.area_code`, "COMMUNITY_REQUIRED");
    }
    await checkAreasKnown(tx, [...byCode.keys()]);
    await tx.db.delete(socialOrgStations).where(eq(socialOrgStations.orgId, id));
    if (byCode.size > 0) {
      await tx.db
        .insert(socialOrgStations)
        .values([...byCode].map(([areaCode, since]) => ({ orgId: id, areaCode, since, createdAt: ctx.now(), updatedAt: ctx.now() })));
    }
    return recordPlacesReplaced(tx, row, "social_orgs.stations", [...byCode.keys()]);
  });
}

/**
 * Import upsert inside the caller's transaction: by credit code, or by name + home area for a filed
 * organization without one. An existing organization the caller cannot see is refused with
 * SOCIAL_ORG_EXISTS (its details are not revealed); one they see but may not edit with FORBIDDEN.
 */
export async function upsertSocialOrg(ctx: ActorCtx, input: SocialOrgCreate): Promise<"inserted" | "updated" | "unchanged"> {
  const [existing] = await ctx.db
    .select({ id: socialOrgs.id })
    .from(socialOrgs)
    .where(
      input.uscc
        ? eq(socialOrgs.uscc, input.uscc)
        : and(eq(socialOrgs.name, input.name), eq(socialOrgs.areaCode, input.area_code), isNull(socialOrgs.uscc)),
    )
    .limit(1);
  if (!existing) {
    await insertOrg(ctx, input);
    return "inserted";
  }
  const row = await findVisibleRow(ctx, existing.id);
  if (!row) {
    throw new AppError("SOCIAL_ORG_EXISTS");
  }
  if (!canEditSocialOrg(ctx.actor.memberships, row)) {
    throw forbidden();
  }
  const { changed } = await applyUpdate(ctx, row, input, "");
  return changed.length === 0 ? "unchanged" : "updated";
}
